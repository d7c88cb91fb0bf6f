package dev.evently.analytics.boundary;

import java.time.Instant;

/**
 * A domain event as analytics reads it: its type, the event (the show) it concerns, when it happened, and
 * the seats and money of the booking or offer it names (0 where it names none).
 *
 * @param previousStatus for booking.cancelled, the status the booking left; null otherwise
 */
public record Activity(String type, long eventId, Instant at, int seats, long totalCents, String previousStatus) {
}
