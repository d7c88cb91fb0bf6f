package dev.evently.outbox.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.outbox.messaging.Envelopes;
import dev.evently.outbox.entity.OutboxMessage;

/**
 * One relay step per transaction: the sends and the "published" marks commit together (the JMS session is
 * enlisted in the JTA transaction), so a row is marked only if the broker took its message. Rows go out in
 * the order they were written; a failed row stops the batch, so no later event of its aggregate overtakes it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatches {

    /** The broker's address of the domain-event topic (broker.properties), which every consumer subscribes to. */
    static final String DOMAIN_EVENTS = "evently.domain-events";

    /** Any number, the same on every instance: whoever holds this advisory lock relays, the others skip. */
    private static final long RELAY_LOCK = 0x6576656e746c79L;

    @PersistenceContext
    EntityManager em;

    @Inject
    ConnectionFactory connectionFactory;

    /** Publishes up to {@code limit} due rows; returns how many (0 when none is due or another instance relays). */
    public int publishDue(int limit) throws JMSException {
        if (!relayLockTaken()) {
            return 0;
        }
        Instant now = Instant.now();
        List<OutboxMessage> batch = unpublished(limit);
        if (batch.isEmpty() || !batch.get(0).isDue(now)) {
            return 0;
        }
        try (JMSContext jms = connectionFactory.createContext()) {
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            Topic domainEvents = jms.createTopic(DOMAIN_EVENTS);
            for (OutboxMessage row : batch) {
                producer.send(domainEvents, Envelopes.toMessage(jms, row));
                row.markPublished(now);
            }
        }
        return batch.size();
    }

    /** Backs off the oldest unpublished row, which gates the rest. */
    public void recordFailure(String error) {
        if (!relayLockTaken()) {
            return;
        }
        List<OutboxMessage> first = unpublished(1);
        if (!first.isEmpty()) {
            first.get(0).recordFailure(error, Instant.now());
        }
    }

    private boolean relayLockTaken() {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
    }

    // ordered by creation time: ids come from per-instance blocks of the sequence, times follow commits
    private List<OutboxMessage> unpublished(int limit) {
        return em.createQuery("""
                        select m from OutboxMessage m where m.publishedAt is null
                        order by m.createdAt, m.id""", OutboxMessage.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
