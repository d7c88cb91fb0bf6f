package dev.evently.outbox.boundary;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What waits in the outbox for the broker: for operators, and to watch a backlog drain after an outage. */
@Stateless
public class OutboxBacklog {

    @PersistenceContext
    EntityManager em;

    public record Backlog(long pending, Instant oldestPendingSince, int mostAttempts, String lastError) {
    }

    public Backlog now() {
        Object[] row = em.createQuery("""
                        select count(m), min(m.createdAt), max(m.attempts) from OutboxMessage m
                        where m.publishedAt is null""", Object[].class)
                .getSingleResult();
        String lastError = em.createQuery("""
                        select m.lastError from OutboxMessage m where m.publishedAt is null and m.lastError is not null
                        order by m.createdAt, m.id""", String.class)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        return new Backlog(((Number) row[0]).longValue(), (Instant) row[1],
                row[2] == null ? 0 : ((Number) row[2]).intValue(), lastError);
    }
}
