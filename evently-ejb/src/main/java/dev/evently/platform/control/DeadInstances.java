package dev.evently.platform.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Heartbeat rows of server instances that stopped beating longer than the retention ago. An instance's id names its
 * process, so every start (a deployment, a restart, a crash) adds a row that nothing else ever removes.
 */
@ApplicationScoped
public class DeadInstances implements RetainedRows {

    @PersistenceContext
    EntityManager em;

    @Override
    public String what() {
        return "server instances gone";
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from server_instances where id = any(array(
                            select id from server_instances where last_seen_at < ?1
                            order by last_seen_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
