package dev.evently.booking.control;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.platform.control.RetainedRows;

/**
 * The Idempotency-Keys of holds: a retry with the key replays the booking its first try made for as long as the
 * retention, counted from the booking; then the key and its request hash are cleared and the booking stays as it
 * is. A client retrying after that long is making a new request. (The in-flight marks in Redis,
 * {@link IdempotencyLocks}, expire by themselves within seconds.)
 * <p>
 * The row lock is the one the update itself needs ({@code for no key update}): a payment or ticket written for the
 * booking meanwhile does not wait for it. The booking's version is left alone: the entity never writes these two
 * columns, so a use case holding the booking neither fails nor undoes the purge.
 */
@ApplicationScoped
public class IdempotencyKeys implements RetainedRows {

    @PersistenceContext
    EntityManager em;

    @Override
    public String what() {
        return "idempotency keys of bookings";
    }

    @Override
    public int purge(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        update bookings set idempotency_key = null, request_hash = null where id = any(array(
                            select id from bookings where idempotency_key is not null and created_at < ?1
                            order by created_at limit ?2 for no key update skip locked))""")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
