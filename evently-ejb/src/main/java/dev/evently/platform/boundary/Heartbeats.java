package dev.evently.platform.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    private static final Logger LOG = Logger.getLogger(Heartbeats.class.getName());

    @Resource
    SessionContext context;

    /**
     * Never fails out of the timer, not even at commit (hence the beat in a transaction of its own): Payara expunges
     * a timer whose timeout fails twice, and an instance would stop beating after a database outage.
     */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "heartbeat")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        try {
            context.getBusinessObject(Heartbeats.class).beat();
        } catch (RuntimeException e) {
            LOG.warning(() -> "heartbeat not recorded, next at the next tick: " + e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
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
