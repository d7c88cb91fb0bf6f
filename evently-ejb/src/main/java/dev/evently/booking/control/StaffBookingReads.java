package dev.evently.booking.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.boundary.StaffBooking;
import dev.evently.booking.boundary.StaffBooking.Moment;
import dev.evently.booking.boundary.StaffBooking.Payment;
import dev.evently.booking.boundary.StaffBooking.Refund;
import dev.evently.booking.boundary.StaffBooking.Seat;
import dev.evently.booking.boundary.StaffBooking.Ticket;
import dev.evently.platform.control.SqlValues;

/**
 * One booking for staff, read in the caller's transaction, and its timeline assembled from the timestamps its rows
 * keep: held (created), payments started and settled, confirmed (its tickets issued), ended (its last change, or its
 * first refund for a paid booking), refunds requested and settled, the mails that name it (queued and sent; they
 * are tied to it by its customer's address and the booking number in their text, or by the console's resend cause)
 * and what staff did to it in the console (audit log subject "booking N"). Every list is bounded.
 */
@ApplicationScoped
public class StaffBookingReads {

    /** More than any booking gathers; a booking that did would show its first ones. */
    static final int MOST = 100;

    @PersistenceContext
    EntityManager em;

    public Optional<StaffBooking> detail(long bookingId) {
        List<Object[]> heads = rows("""
                select b.id as booking_id, b.status, b.end_reason, b.event_id, e.name as event_name, e.venue,
                       e.start_time, u.id as customer_id, u.email as customer_email, u.name as customer_name,
                       b.total_cents, cast(b.currency as text) as currency, b.created_at, b.expires_at,
                       b.payment_reference, b.updated_at
                from bookings b join events e on e.id = b.event_id join users u on u.id = b.user_id
                where b.id = ?1""", bookingId);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = heads.get(0);
        List<Seat> seats = rows("""
                select s.id as seat_id, s.label, s.price_cents from booking_seats bs join seats s on s.id = bs.seat_id
                where bs.booking_id = ?1 order by s.id limit %d""".formatted(MOST), bookingId).stream()
                .map(r -> new Seat(num(r[0]), (String) r[1], num(r[2]))).toList();
        List<Ticket> tickets = rows("""
                select t.id as ticket_id, s.label, t.code, t.status, t.issued_at, t.checked_in_at
                from tickets t join seats s on s.id = t.seat_id where t.booking_id = ?1 order by t.id limit %d"""
                .formatted(MOST), bookingId).stream()
                .map(r -> new Ticket(num(r[0]), (String) r[1], (String) r[2], (String) r[3], at(r[4]), at(r[5])))
                .toList();
        List<Payment> payments = rows("""
                select id, method, status, amount_cents, cast(currency as text) as currency, created_at, completed_at
                from payments where booking_id = ?1 order by id limit %d""".formatted(MOST), bookingId).stream()
                .map(r -> new Payment(num(r[0]), (String) r[1], (String) r[2], num(r[3]), text(r[4]), at(r[5]),
                        at(r[6])))
                .toList();
        List<Refund> refunds = rows("""
                select id, payment_id, status, amount_cents, cast(currency as text) as currency, reason, attempts,
                       created_at, completed_at
                from refunds where booking_id = ?1 order by id limit %d""".formatted(MOST), bookingId).stream()
                .map(r -> new Refund(num(r[0]), num(r[1]), (String) r[2], num(r[3]), text(r[4]), (String) r[5],
                        (int) num(r[6]), at(r[7]), at(r[8])))
                .toList();
        String status = (String) h[1];
        String email = (String) h[8];
        List<Moment> timeline = new ArrayList<>();
        timeline.add(new Moment(at(h[12]), "held", "Held", seats.size() + (seats.size() == 1 ? " seat" : " seats")));
        payments.forEach(p -> paymentMoments(p, timeline));
        tickets.stream().map(Ticket::issuedAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .ifPresent(issued -> timeline.add(new Moment(issued, "confirmed", "Confirmed",
                        tickets.size() + (tickets.size() == 1 ? " ticket issued" : " tickets issued"))));
        ended(status, (String) h[2], at(h[15]), refunds, timeline);
        refunds.forEach(r -> refundMoments(r, timeline));
        mails(bookingId, email, timeline);
        staffActions(bookingId, timeline);
        timeline.sort(Comparator.comparing(Moment::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return Optional.of(new StaffBooking(num(h[0]), status, (String) h[2], num(h[3]), (String) h[4],
                (String) h[5], at(h[6]), num(h[7]), email, (String) h[9], num(h[10]), text(h[11]), at(h[12]),
                at(h[13]), (String) h[14], seats, tickets, payments, refunds, List.copyOf(timeline)));
    }

    private static void paymentMoments(Payment p, List<Moment> timeline) {
        String how = method(p.method()) + ", " + money(p.amountCents(), p.currency());
        timeline.add(new Moment(p.createdAt(), "payment", "PROVIDER".equals(p.method()) ? "Checkout opened"
                : "Payment recorded by staff", how));
        if (p.completedAt() != null && "SUCCEEDED".equals(p.status())) {
            timeline.add(new Moment(p.completedAt(), "paid", "Paid", how));
        } else if (p.completedAt() != null && "FAILED".equals(p.status())) {
            timeline.add(new Moment(p.completedAt(), "payment", "Payment failed", how));
        }
    }

    /** When the booking ended: its last change; for a paid one, the refund its end asked for, in its transaction. */
    private static void ended(String status, String reason, Instant updatedAt, List<Refund> refunds,
                              List<Moment> timeline) {
        String why = reason == null ? "" : "reason: " + reason;
        switch (status) {
            case "CANCELLED" -> timeline.add(new Moment(updatedAt, "ended", "Cancelled", why));
            case "EXPIRED" -> timeline.add(new Moment(updatedAt, "ended", "Expired", why));
            case "REFUND_PENDING", "REFUNDED" -> timeline.add(new Moment(refunds.stream().map(Refund::createdAt)
                    .min(Comparator.naturalOrder()).orElse(updatedAt), "ended", "Cancelled, money owed back", why));
            default -> {
                // still holding its seats: not ended
            }
        }
    }

    private static void refundMoments(Refund r, List<Moment> timeline) {
        String what = money(r.amountCents(), r.currency()) + " (" + r.reason() + ")";
        timeline.add(new Moment(r.createdAt(), "refund", "Refund requested", what));
        if (r.completedAt() != null && "SUCCEEDED".equals(r.status())) {
            timeline.add(new Moment(r.completedAt(), "refunded", "Refunded", what));
        } else if (r.completedAt() != null && "FAILED".equals(r.status())) {
            timeline.add(new Moment(r.completedAt(), "refund", "Refund failed", what));
        }
    }

    private void mails(long bookingId, String email, List<Moment> timeline) {
        String named = "[Bb]ooking " + bookingId + "([^0-9]|$)";
        for (Object[] m : rows("""
                select subject, status, created_at, settled_at from outgoing_mails
                where recipient = ?1 and (cause = ?2 or subject ~ ?3 or body ~ ?4)
                order by created_at, id limit %d""".formatted(MOST), email, TicketResendCause.of(bookingId), named,
                named)) {
            String subject = (String) m[0];
            timeline.add(new Moment(at(m[2]), "mail", "Email queued", subject));
            if ("SENT".equals(m[1])) {
                timeline.add(new Moment(at(m[3]), "mail", "Email sent", subject));
            } else if ("FAILED".equals(m[1])) {
                timeline.add(new Moment(at(m[3]), "mail", "Email failed", subject));
            }
        }
    }

    private void staffActions(long bookingId, List<Moment> timeline) {
        for (Object[] a : rows("""
                select at, action, actor_email from audit_log where subject = ?1 order by at limit %d"""
                .formatted(MOST), "booking " + bookingId)) {
            timeline.add(new Moment(at(a[0]), "staff", "Console: " + a[1], a[2] == null ? "" : "by " + a[2]));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    static String method(String method) {
        return switch (method) {
            case "PROVIDER" -> "online";
            case "CASH" -> "cash";
            case "CARD_TERMINAL" -> "card terminal";
            default -> method;
        };
    }

    static String money(long cents, String currency) {
        return String.format(java.util.Locale.ROOT, "%d.%02d %s", cents / 100, cents % 100, currency);
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant at(Object value) {
        return SqlValues.instant(value);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }
}
