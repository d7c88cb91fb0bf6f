package dev.evently.booking.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A booking as its owner sees it: the seats it holds or held, the total, once paid its tickets, and (where asked
 * for) its payments.
 *
 * @param endReason why it ended when its buyer did not end it (event-cancelled, seats-taken); else null
 * @param payments  its payments and their refunds, oldest first; null where not asked for
 */
public record BookingView(long id, String status, long eventId, String eventName, List<SeatLine> seats,
                          long totalCents, String currency, Instant expiresAt, Instant createdAt,
                          String paymentReference, String endReason, List<TicketLine> tickets,
                          List<PaymentLine> payments) {

    public record SeatLine(long id, String label, String section, String row, int number, long priceCents) {
    }

    public record TicketLine(long id, long seatId, String code, String status, Instant checkedInAt) {
    }

    /** @param refundStatus the status of its refund, once the money is owed back; else null */
    public record PaymentLine(long id, String method, String status, long amountCents, String currency,
                              String checkoutUrl, Instant createdAt, String refundStatus) {
    }

    public BookingView withPayments(List<PaymentLine> lines) {
        return new BookingView(id, status, eventId, eventName, seats, totalCents, currency, expiresAt, createdAt,
                paymentReference, endReason, tickets, lines);
    }
}
