package dev.evently.platform.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.platform.control.InstanceIdentity;
import dev.evently.platform.entity.ServerInstance;

/**
 * Every instance records that it is alive; operators (and later the expiry sweep) see which instances
 * share the database. Non-persistent timer: each instance beats for itself.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class Heartbeats {

    static final Duration ALIVE_WITHIN = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    InstanceIdentity identity;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "heartbeat")
    public void beat() {
        Instant now = Instant.now();
        ServerInstance self = em.find(ServerInstance.class, identity.id());
        if (self == null) {
            em.persist(new ServerInstance(identity.id(), identity.host(), identity.startedAt()));
        } else {
            self.beat(now);
        }
    }

    public List<ServerInstance> alive() {
        Instant now = Instant.now();
        return em.createQuery("select s from ServerInstance s order by s.startedAt", ServerInstance.class)
                .getResultStream()
                .filter(s -> s.isAlive(now, ALIVE_WITHIN))
                .toList();
    }
}
