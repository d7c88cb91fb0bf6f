package dev.evently.platform.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What each consumer has already processed. Recording a message id in the consumer's transaction makes a
 * redelivery (broker failover, a rollback after the effect was committed elsewhere, a relay resend) a no-op.
 * A redelivery comes within seconds, a payment provider's repeated report within days: the record is purged after
 * the retention.
 */
@ApplicationScoped
public class Inbox implements RetainedRows {

    @PersistenceContext
    EntityManager em;

    /**
     * Records that {@code consumer} processes {@code messageId} now; false if it already did. Two
     * concurrent deliveries of one message: the second waits on the first's row and then sees it.
     */
    public boolean firstDelivery(String consumer, String messageId) {
        return em.createNativeQuery("""
                        insert into consumed_messages (consumer, message_id) values (?1, ?2)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, messageId)
                .executeUpdate() == 1;
    }

    @Override
    public String what() {
        return "processed messages (inbox)";
    }

    /** By ctid, as the key is two columns: the rows locked are the rows deleted. */
    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from consumed_messages where ctid = any(array(
                            select ctid from consumed_messages where consumed_at < ?1
                            order by consumed_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
