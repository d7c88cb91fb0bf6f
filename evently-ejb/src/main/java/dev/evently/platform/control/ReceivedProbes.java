package dev.evently.platform.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Messaging probes an operator sent through the broker: proof that the path worked at the time, of no use once
 * older than the retention. A probe id sent again after that is recorded afresh.
 */
@ApplicationScoped
public class ReceivedProbes implements RetainedRows {

    @PersistenceContext
    EntityManager em;

    @Override
    public String what() {
        return "messaging probes";
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from message_probes where probe_id = any(array(
                            select probe_id from message_probes where received_at < ?1
                            order by received_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
