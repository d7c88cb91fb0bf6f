package dev.evently.booking.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.platform.control.SqlValues;

/**
 * An event's seats as staff see them: besides available, held and sold, which seats' guests are in, and which
 * booking holds each seat. Always read from PostgreSQL, never from the catalogue's cache, so that a console on one
 * instance sees at once what a booking on another did. {@link #version} is the cheap question a page asks every
 * second: it changes with every seat change (each bumps the seat's version) and every check-in.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SeatStatuses {

    /** What staff see of a seat; {@code bookingId} is null for an available seat. */
    public record StaffSeat(long id, String section, String row, int number, String label, long priceCents,
                            Status status, Long bookingId) implements Serializable {
    }

    /** A seat's status for staff: {@code BOOKED} seats are sold, or checked in once their ticket was scanned. */
    public enum Status {
        AVAILABLE, HELD, SOLD, CHECKED_IN
    }

    /**
     * A taken seat with its booking and, once paid, its ticket.
     *
     * @param ticketCode  the live ticket's code (it admits whoever shows it: show a part only); null before payment
     * @param ticketIssuedAt when the booking was paid and the ticket issued; null before
     */
    public record SeatBooking(long seatId, String seatLabel, Status status, long bookingId, String bookingStatus,
                              String customerEmail, String customerName, Instant heldUntil, long totalCents,
                              String currency, String ticketCode, Instant ticketIssuedAt, Instant checkedInAt)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    /** The event's first {@code max} seats in layout order (id order: sections and rows as they were laid out). */
    public List<StaffSeat> of(long eventId, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.section, s.row_label, s.number, s.label, s.price_cents, s.status, s.booking_id,
                               t.checked_in_at is not null
                        from seats s left join tickets t on t.seat_id = s.id and t.status = 'VALID'
                        where s.event_id = ?1 order by s.id limit ?2""")
                .setParameter(1, eventId)
                .setParameter(2, max)
                .getResultList();
        return rows.stream()
                .map(r -> new StaffSeat(number(r[0]), (String) r[1], (String) r[2], (int) number(r[3]), (String) r[4],
                        number(r[5]), status((String) r[6], Boolean.TRUE.equals(r[8])),
                        r[7] == null ? null : number(r[7])))
                .toList();
    }

    /**
     * A fingerprint of the event's seat statuses: the seats there are, the sum of their versions (every hold,
     * sale and release bumps one) and the check-ins. Equal fingerprints mean an unchanged map.
     */
    public String version(long eventId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(s.id), coalesce(sum(s.id), 0), coalesce(sum(s.version), 0), count(t.checked_in_at)
                        from seats s left join tickets t on t.seat_id = s.id and t.status = 'VALID'
                        where s.event_id = ?1""")
                .setParameter(1, eventId)
                .getSingleResult();
        return number(row[0]) + ":" + row[1] + ":" + row[2] + ":" + number(row[3]);
    }

    /** The booking holding the event's seat, with its ticket once paid; empty for an available or unknown seat. */
    public Optional<SeatBooking> bookingOf(long eventId, long seatId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, s.label, s.status, b.id, b.status, u.email, u.name, b.expires_at, b.total_cents,
                               cast(b.currency as varchar(3)), t.code, t.issued_at, t.checked_in_at
                        from seats s
                        join bookings b on b.id = s.booking_id
                        join users u on u.id = b.user_id
                        left join tickets t on t.seat_id = s.id and t.status = 'VALID'
                        where s.id = ?1 and s.event_id = ?2""")
                .setParameter(1, seatId)
                .setParameter(2, eventId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new SeatBooking(number(r[0]), (String) r[1],
                status((String) r[2], r[12] != null), number(r[3]), (String) r[4], (String) r[5], (String) r[6],
                SqlValues.instant(r[7]), number(r[8]), (String) r[9], (String) r[10],
                SqlValues.instant(r[11]), SqlValues.instant(r[12])));
    }

    static Status status(String seatStatus, boolean checkedIn) {
        return switch (seatStatus) {
            case "AVAILABLE" -> Status.AVAILABLE;
            case "HELD" -> Status.HELD;
            default -> checkedIn ? Status.CHECKED_IN : Status.SOLD;
        };
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
