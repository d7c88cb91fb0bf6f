package dev.evently.analytics.boundary;

import java.time.Instant;

/**
 * One event's sales so far (all days, net of refunds) against its capacity, and its waitlist now.
 *
 * @param utilisation  seats sold / capacity, from 0 to 1 (0 for an event without seats)
 * @param waitlistSize entries waiting or holding an offer right now (a live count, not a sum of joins)
 */
public record AnalyticsEvent(long eventId, String name, Instant startTime, String status, int capacity,
                             long seatsSold, double utilisation, long revenueCents, long waitlistSize) {

    public static double utilisation(long seatsSold, int capacity) {
        return capacity <= 0 ? 0 : Math.max(0, Math.min(1, (double) seatsSold / capacity));
    }
}
