package dev.evently.outbox.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.platform.control.RetainedRows;

/**
 * Outbox messages the relay has published, the bulk of the table: kept for the retention after their publication
 * (what was announced, and when, stays visible to operators), then purged. An unpublished message is never purged,
 * however old: it still waits for the broker.
 */
@ApplicationScoped
public class PublishedMessages implements RetainedRows {

    @PersistenceContext
    EntityManager em;

    @Override
    public String what() {
        return "published outbox messages";
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from outbox where id = any(array(
                            select id from outbox where published_at < ?1
                            order by published_at limit ?2 for update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
