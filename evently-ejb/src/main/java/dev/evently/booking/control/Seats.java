package dev.evently.booking.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.entity.Booking;
import dev.evently.catalog.entity.Seat;
import dev.evently.catalog.entity.SeatStatus;

/**
 * The {@code seats} table's one owner: every read and lock of seats, with its SQL, is here. Booking decides a
 * seat's status; the catalogue lays seats out and shows what they are, reading them through this class.
 * <p>
 * Locks are taken in ascending id order everywhere (no deadlocks between holds, confirmations and the expiry
 * sweep) under the pool's lock timeout; a lock not granted in time is a 409 the client may retry
 * ({@link RowLocks}). Seats a request names are read with one array parameter ({@code id = any(?1)}): Hibernate
 * translates a query with an expanded list parameter ({@code in :ids}) anew on every call, in the flash-sale
 * bench over a third of the time spent in hold.
 */
@ApplicationScoped
public class Seats {

    @PersistenceContext
    EntityManager em;

    /** Per section of an event, in layout order: seats, available seats, cheapest and dearest price. */
    public record SectionCount(String section, int seats, long available, long minPriceCents, long maxPriceCents) {
    }

    /** An event's available seats and its cheapest seat (null without seats). */
    public record Availability(long available, Long minPriceCents) {
    }

    /** What the seat-map writer is handed per seat, in id order. */
    public interface SeatRow {
        void accept(long id, String section, String row, int number, String label, long priceCents, String status);
    }

    public interface SeatStatusRow {
        void accept(long id, String status);
    }

    /**
     * The requested seats already taken (or not the event's) when a request comes in, read without queueing
     * for their locks: in a rush most requests name seats someone just took. A scalar read, so that no entity
     * loaded before its lock sits in the persistence context with stale state; the check under the locks decides.
     */
    public List<Long> takenNow(List<Long> requested, long eventId) {
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery(
                        "select id from seats where id = any(?1) and event_id = ?2 and status = ?3")
                .setParameter(1, requested.toArray(Long[]::new))
                .setParameter(2, eventId)
                .setParameter(3, SeatStatus.AVAILABLE.name())
                .getResultList();
        if (free.size() == requested.size()) {
            return List.of();
        }
        List<Long> taken = new ArrayList<>(requested);
        free.forEach(id -> taken.remove((Long) id.longValue()));
        return taken;
    }

    /**
     * How many of the event's seats the user holds unpaid right now, counted once the user's other holds of the
     * event have finished (one per user and event at a time, in this transaction): a cap cannot be outrun by
     * holding in parallel.
     */
    public long heldBy(long userId, long eventId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) as one_hold_at_a_time")
                .setParameter(1, "evently.holds:" + userId + ":" + eventId)
                .getSingleResult();
        return ((Number) em.createNativeQuery("""
                        select count(*) from seats s join bookings b on b.id = s.booking_id
                        where b.user_id = ?1 and b.event_id = ?2 and b.status = 'PENDING' and s.status = 'HELD'""")
                .setParameter(1, userId)
                .setParameter(2, eventId)
                .getSingleResult()).longValue();
    }

    /** Locks the seats a hold names, in id order; those that do not exist are simply not returned. */
    @SuppressWarnings("unchecked")
    public List<Seat> lockForHold(List<Long> sortedIds) {
        return RowLocks.granted(() -> em.createNativeQuery(
                        "select * from seats where id = any(?1) order by id for update", Seat.class)
                .setParameter(1, sortedIds.toArray(Long[]::new))
                .getResultList());
    }

    /** Locks the seats a booking holds or booked, in id order. */
    public List<Seat> lockOf(Booking booking) {
        return RowLocks.granted(() -> em.createQuery(
                        "select s from Seat s where s.booking = :booking order by s.id", Seat.class)
                .setParameter("booking", booking)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    }

    /**
     * Locks the seats of several bookings in one ascending pass, as a hold locks its seats: locked booking by
     * booking, a hold wanting seats of two of them could wait for this caller while it waits for the hold.
     */
    public Map<Long, List<Seat>> lockOf(List<Long> bookingIds) {
        return RowLocks.granted(() -> em.createQuery(
                        "select s from Seat s where s.booking.id in :bookings order by s.id", Seat.class)
                .setParameter("bookings", bookingIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()).stream()
                .collect(Collectors.groupingBy(seat -> seat.getBooking().getId()));
    }

    /**
     * Locks {@code count} free seats of the event, {@code preferred} ones first, skipping seats someone is
     * locking right now (no lock order needed, nobody waits); none if fewer are free.
     */
    public List<Seat> takeFree(long eventId, List<Long> preferred, int count) {
        em.flush();  // seats this transaction has just given away must read as taken
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select id from seats where event_id = ?1 and status = 'AVAILABLE'
                        order by case when id = any(?2) then 0 else 1 end, id
                        limit ?3 for update skip locked""")
                .setParameter(1, eventId)
                .setParameter(2, preferred.toArray(Long[]::new))
                .setParameter(3, count)
                .getResultList();
        if (ids.size() < count) {
            return List.of();  // the locks go with the transaction; nothing was changed
        }
        List<Seat> seats = byIds(ids.stream().map(Number::longValue).toList()).values().stream()
                .sorted((a, b) -> Long.compare(a.getId(), b.getId()))
                .toList();
        return seats.stream().allMatch(Seat::isAvailable) ? seats : List.of();
    }

    /** Seats by id, unlocked (labels, prices, statuses as read now). */
    public Map<Long, Seat> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select s from Seat s where s.id in :ids", Seat.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Seat::getId, s -> s));
    }

    public long availableOf(long eventId) {
        return ((Number) em.createNativeQuery("select count(*) from seats where event_id = ?1 and status = 'AVAILABLE'")
                .setParameter(1, eventId)
                .getSingleResult()).longValue();
    }

    /** Available seats and cheapest price per event, for a page of the event list; events without seats are absent. */
    public Map<Long, Availability> availabilityOf(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select event_id, count(*) filter (where status = 'AVAILABLE'), min(price_cents)
                        from seats where event_id = any(?1) group by event_id""")
                .setParameter(1, eventIds.toArray(Long[]::new))
                .getResultList();
        Map<Long, Availability> availability = new HashMap<>();
        for (Object[] row : rows) {
            availability.put(((Number) row[0]).longValue(),
                    new Availability(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return availability;
    }

    public List<SectionCount> sectionsOf(long eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select section, count(*), count(*) filter (where status = 'AVAILABLE'),
                            min(price_cents), max(price_cents)
                        from seats where event_id = ?1 group by section order by min(id)""")
                .setParameter(1, eventId)
                .getResultList();
        return rows.stream()
                .map(row -> new SectionCount((String) row[0], ((Number) row[1]).intValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue()))
                .toList();
    }

    /** Seats a new layout may not replace: not available, ticketed, or named by any booking ever. */
    public long takenOrEverBookedOf(long eventId) {
        return em.createQuery("""
                        select count(s) from Seat s where s.event.id = :id
                        and (s.status <> dev.evently.catalog.entity.SeatStatus.AVAILABLE
                             or exists (select t from Ticket t where t.seat = s)
                             or exists (select b from Booking b join b.seatIds held where held = s.id))""", Long.class)
                .setParameter("id", eventId)
                .getSingleResult();
    }

    /** Removes an event's seat map so that a new layout can take its place (nothing may have been booked). */
    public void deleteLayoutOf(long eventId) {
        em.createQuery("delete from Seat s where s.event.id = :id").setParameter("id", eventId).executeUpdate();
    }

    /** Every seat of the event in id order, on the caller's connection (the seat map is built in plain JDBC). */
    public static void readLayout(Connection connection, long eventId, SeatRow row) throws SQLException {
        try (PreparedStatement seats = connection.prepareStatement("""
                select id, section, row_label, number, label, price_cents, status
                from seats where event_id = ? order by id""")) {
            seats.setLong(1, eventId);
            try (ResultSet rows = seats.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5), rows.getLong(6), rows.getString(7));
                }
            }
        }
    }

    /** Every seat's id and status in id order, on the caller's connection. */
    public static void readStatuses(Connection connection, long eventId, SeatStatusRow row) throws SQLException {
        try (PreparedStatement seats = connection.prepareStatement(
                "select id, status from seats where event_id = ? order by id")) {
            seats.setLong(1, eventId);
            try (ResultSet rows = seats.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getLong(1), rows.getString(2));
                }
            }
        }
    }

    /** The statuses of some of the event's seats (ids of other events are ignored), on the caller's connection. */
    public static void readStatuses(Connection connection, long eventId, Collection<Long> ids, SeatStatusRow row)
            throws SQLException {
        try (PreparedStatement seats = connection.prepareStatement(
                "select id, status from seats where event_id = ? and id = any(?) order by id")) {
            seats.setLong(1, eventId);
            seats.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = seats.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getLong(1), rows.getString(2));
                }
            }
        }
    }
}
