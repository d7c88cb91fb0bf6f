package dev.evently.waitlist.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.catalog.entity.Event;
import dev.evently.waitlist.entity.WaitlistStatus;

/**
 * An event's waitlist as staff see it: every entry in queue (join) order with who it is and where its offer
 * stands, and how many entries are in each state. Only reads; bounded, since a popular event's queue is long.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StaffWaitlists {

    /** The most entries one call returns, whatever is asked. */
    public static final int MOST = 1_000;

    @PersistenceContext
    EntityManager em;

    /**
     * One entry. {@code position} (1 = next) only while WAITING, counted among the waiting entries listed before
     * it; {@code offerBookingId} and {@code offeredUntil} once an offer was made.
     */
    public record Entry(long id, Integer position, String email, String name, int seatsWanted, String status,
                        Instant joinedAt, Long offerBookingId, Instant offeredUntil) {
    }

    /**
     * @param entries the first entries in join order, at most the limit asked
     * @param counts  every entry of the event by status (all statuses, zero included), not only those listed
     */
    public record EventWaitlist(long eventId, String eventName, List<Entry> entries, Map<WaitlistStatus, Long> counts) {

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The event's waitlist, its first {@code limit} entries in join order; empty when there is no such event. */
    public Optional<EventWaitlist> forEvent(long eventId, int limit) {
        Event event = em.find(Event.class, eventId);
        if (event == null) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("""
                        select e.id, u.email, u.name, e.seatsWanted, e.status, e.joinedAt, b.id, e.offeredUntil
                        from WaitlistEntry e join e.user u left join e.offerBooking b
                        where e.event.id = :event order by e.joinedAt, e.id""", Object[].class)
                .setParameter("event", eventId)
                .setMaxResults(Math.max(1, Math.min(limit, MOST)))
                .getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        int waiting = 0;
        for (Object[] row : rows) {
            WaitlistStatus status = (WaitlistStatus) row[4];
            Integer position = status == WaitlistStatus.WAITING ? ++waiting : null;
            entries.add(new Entry(((Number) row[0]).longValue(), position, (String) row[1], (String) row[2],
                    ((Number) row[3]).intValue(), status.name(), (Instant) row[5],
                    row[6] == null ? null : ((Number) row[6]).longValue(), (Instant) row[7]));
        }
        Map<WaitlistStatus, Long> counts = new EnumMap<>(WaitlistStatus.class);
        for (WaitlistStatus status : WaitlistStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery("""
                        select e.status, count(e) from WaitlistEntry e where e.event.id = :event
                        group by e.status""", Object[].class)
                .setParameter("event", eventId)
                .getResultList()
                .forEach(row -> counts.put((WaitlistStatus) row[0], ((Number) row[1]).longValue()));
        return Optional.of(new EventWaitlist(eventId, event.getName(), entries, counts));
    }
}
