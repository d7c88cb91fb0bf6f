package dev.evently.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What each consumer has already processed. Recording a message id in the consumer's transaction makes a
 * redelivery (broker failover, a rollback after the effect was committed elsewhere, a relay resend) a no-op.
 */
@ApplicationScoped
public class Inbox {

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
}
