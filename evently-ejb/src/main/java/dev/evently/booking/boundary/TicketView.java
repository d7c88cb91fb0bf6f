package dev.evently.booking.boundary;

import java.time.Instant;

/** A ticket as the door sees it after a scan. */
public record TicketView(long id, long bookingId, long eventId, String eventName, String seatLabel, String status,
                         Instant checkedInAt) {
}
