package dev.evently.booking.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One booking as staff see it in the console: its event and customer, seats, tickets (whole codes: staff may need
 * to read one out), payments, refunds, and its timeline. Serializable because the console keeps it in a view.
 *
 * @param endReason why it ended when its buyer did not end it (event-cancelled, seats-taken); else null
 * @param timeline  what happened to it, oldest first
 */
public record StaffBooking(long id, String status, String endReason, long eventId, String eventName, String venue,
                           Instant eventStart, long customerId, String customerEmail, String customerName,
                           long totalCents, String currency, Instant createdAt, Instant expiresAt,
                           String paymentReference, List<Seat> seats, List<Ticket> tickets, List<Payment> payments,
                           List<Refund> refunds, List<Moment> timeline) implements Serializable {

    public record Seat(long id, String label, long priceCents) implements Serializable {
    }

    public record Ticket(long id, String seatLabel, String code, String status, Instant issuedAt,
                         Instant checkedInAt) implements Serializable {
    }

    /** @param completedAt when it succeeded or failed; null while open */
    public record Payment(long id, String method, String status, long amountCents, String currency,
                          Instant createdAt, Instant completedAt) implements Serializable {
    }

    public record Refund(long id, long paymentId, String status, long amountCents, String currency, String reason,
                         int attempts, Instant createdAt, Instant completedAt) implements Serializable {
    }

    /**
     * One thing that happened to the booking.
     *
     * @param kind   what kind of thing, for the page's look: held, payment, paid, confirmed, ended, refund,
     *               refunded, mail, staff
     * @param detail a line of detail (a mail's subject, who acted); may be empty
     */
    public record Moment(Instant at, String kind, String what, String detail) implements Serializable {
    }
}
