package dev.evently.outbox.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.evently.outbox.entity.OutboxMessage;
import dev.evently.outbox.event.OutgoingBatch;

/**
 * One relay step per database transaction, at least once: the batch is sent and committed on the broker first
 * ({@link OutboxSends}), then its rows are marked published in this transaction. A row is marked only if the
 * broker took its message; if this transaction fails after the broker committed, the next step sends the batch
 * again and the consumers' inboxes drop the repeats (by the event's id). Rows go out in the order they were
 * written, a batch all or nothing, so no later event of an aggregate overtakes an earlier one. Before it goes, the
 * batch is announced ({@link OutgoingBatch}) in this transaction: for the consumers that flag the messages they
 * want, and for those that write what the events change together with the marks (analytics, the mails they owe).
 * <p>
 * The JMS session is deliberately not enlisted here: with the broker an XA resource and PostgreSQL the last
 * agent, a broker dying inside the commit left rows marked published whose messages it never kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatches {

    /** Any number, the same on every instance: whoever holds this advisory lock relays, the others skip. */
    private static final long RELAY_LOCK = 0x6576656e746c79L;

    @PersistenceContext
    EntityManager em;

    @EJB
    OutboxSends sends;

    @Inject
    Event<OutgoingBatch> outgoing;

    @Resource
    TransactionSynchronizationRegistry transaction;

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
        OutgoingBatch announced = new OutgoingBatch(batch.stream()
                .map(row -> new OutgoingBatch.Outgoing(row.getId(), row.getType(), row.getPayload())).toList());
        outgoing.fire(announced);
        try {
            sends.send(batch, announced.flags());
        } catch (JMSException | RuntimeException e) {
            transaction.setRollbackOnly();  // what the observers wrote goes with the batch, which comes again
            throw e;
        }
        markPublished(batch, now);
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

    /**
     * Marks the batch's rows published in one statement. Only the relay holding the lock marks rows, so each is still
     * unpublished; if one were not, this transaction rolls back and the batch goes again.
     */
    private void markPublished(List<OutboxMessage> batch, Instant now) {
        int marked = em.createNativeQuery("""
                        update outbox set published_at = ?2, attempts = attempts + 1, last_error = null
                        where id = any(?1) and published_at is null""")
                .setParameter(1, batch.stream().map(OutboxMessage::getId).toArray(Long[]::new))
                .setParameter(2, now)
                .executeUpdate();
        if (marked != batch.size()) {
            throw new IllegalStateException("marked " + marked + " of the batch's " + batch.size()
                    + " outbox rows published: some were published already");
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
