package dev.evently.booking.boundary;

import java.time.Instant;
import java.util.List;

/** A booking as its owner sees it: the seats it holds or held, the total, and once paid its tickets. */
public record BookingView(long id, String status, long eventId, String eventName, List<SeatLine> seats,
                          long totalCents, Instant expiresAt, Instant createdAt, String paymentReference,
                          List<TicketLine> tickets) {

    public record SeatLine(long id, String label, String section, String row, int number, long priceCents) {
    }

    public record TicketLine(long id, long seatId, String code, String status, Instant checkedInAt) {
    }
}
