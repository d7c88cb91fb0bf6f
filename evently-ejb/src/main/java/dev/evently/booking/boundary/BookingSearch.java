package dev.evently.booking.boundary;

import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.evently.booking.control.SearchTerm;
import dev.evently.booking.control.StaffBookingReads;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.platform.control.SqlValues;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

/**
 * Bookings as the console's staff find them: one search box ({@link SearchTerm} reads what it is), optionally
 * narrowed to an event and a status, newest first and capped, each search kind answered through an index (V11).
 * And one booking with everything staff may need about it, its timeline included ({@link StaffBookingReads}).
 * Read-only; who may search is the console's to decide.
 */
@Stateless
public class BookingSearch {

    /** The most a search may ask for: a list staff read or export, not a report. */
    public static final int MAX_LIMIT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    StaffBookingReads reads;

    /**
     * @param box     what staff typed; see {@link SearchTerm}
     * @param eventId only this event's bookings; null for every event
     * @param status  only bookings in this status (a {@link BookingStatus} name); null or blank for any
     * @param limit   at most this many rows (1 to {@value #MAX_LIMIT})
     */
    public StaffBookingRow.Found find(String box, Long eventId, String status, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "from 1 to " + MAX_LIMIT);
        }
        SearchTerm term;
        try {
            term = SearchTerm.of(box);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("search", e.getMessage());
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(criterion(term, parameters));
        if (eventId != null) {
            parameters.add(eventId);
            where.append(" and b.event_id = ?").append(parameters.size());
        }
        if (status != null && !status.isBlank()) {
            parameters.add(statusNamed(status));
            where.append(" and b.status = ?").append(parameters.size());
        }
        parameters.add(limit + 1);
        Query query = em.createNativeQuery("""
                with found as (
                    select b.id, b.created_at from bookings b where %s
                    order by b.created_at desc, b.id desc limit ?%d)
                select b.id as booking_id, b.event_id, e.name as event_name, u.email as customer_email,
                       u.name as customer_name, b.status,
                       (select string_agg(s.label, ', ' order by s.id) from booking_seats bs
                        join seats s on s.id = bs.seat_id where bs.booking_id = b.id) as seat_labels,
                       b.total_cents, cast(b.currency as text) as currency, b.created_at,
                       (select min(p.completed_at) from payments p
                        where p.booking_id = b.id and p.status = 'SUCCEEDED') as paid_at
                from found f join bookings b on b.id = f.id join events e on e.id = b.event_id
                join users u on u.id = b.user_id
                order by f.created_at desc, f.id desc""".formatted(where, parameters.size()));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<StaffBookingRow> found = rows.stream().limit(limit).map(BookingSearch::row).toList();
        return new StaffBookingRow.Found(found, rows.size() > limit);
    }

    /** One booking for staff, with its timeline. */
    public StaffBooking detail(long bookingId) {
        return reads.detail(bookingId).orElseThrow(() -> new NotFoundException("booking-not-found",
                "no booking " + bookingId));
    }

    /** The condition on {@code b} that the box asks for; its values added to {@code parameters}. */
    private static String criterion(SearchTerm term, List<Object> parameters) {
        switch (term.kind()) {
            case ALL:
                return "true";
            case BOOKING_ID:
                parameters.add(term.number());
                return "b.id = ?" + parameters.size();
            case EMAIL:
                parameters.add(SearchTerm.likeLiteral(term.text()) + "%");
                return "b.user_id in (select u.id from users u where lower(u.email) like ?" + parameters.size()
                        + ")";
            case TICKET_CODE:
                parameters.add(term.number());
                parameters.add(term.text().length());
                parameters.add(term.text());
                return "b.id in (select t.booking_id from tickets t where t.booking_id = ?" + (parameters.size() - 2)
                        + " and left(t.code, ?" + (parameters.size() - 1) + ") = ?" + parameters.size() + ")";
            case SEAT:
                parameters.add(term.row());
                parameters.add((int) Math.min(term.number(), Integer.MAX_VALUE));
                String seat = "upper(s.row_label) = ?" + (parameters.size() - 1) + " and s.number = ?"
                        + parameters.size();
                if (term.text() != null) {
                    parameters.add(term.text());
                    seat += " and lower(s.section) = ?" + parameters.size();
                }
                return "b.id in (select bs.booking_id from booking_seats bs join seats s on s.id = bs.seat_id where "
                        + seat + ")";
            case NAME:
                parameters.add("%" + SearchTerm.likeLiteral(term.text()) + "%");
                return "b.user_id in (select u.id from users u where lower(u.name) like ?" + parameters.size()
                        + ")";
            default:
                throw new IllegalStateException("unknown search " + term.kind());
        }
    }

    private static String statusNamed(String status) {
        try {
            return BookingStatus.valueOf(status.strip()).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "no booking status " + status);
        }
    }

    private static StaffBookingRow row(Object[] r) {
        return new StaffBookingRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], r[6] == null ? "" : (String) r[6],
                ((Number) r[7]).longValue(), String.valueOf(r[8]).strip(), SqlValues.instant(r[9]),
                SqlValues.instant(r[10]));
    }
}
