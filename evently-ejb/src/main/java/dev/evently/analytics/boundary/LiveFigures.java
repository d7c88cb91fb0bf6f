package dev.evently.analytics.boundary;

import java.io.Serializable;

/**
 * Sales as the tables say right now, for one event or summed over several: unlike the daily figures these never
 * lag behind a booking.
 *
 * @param seatsSold       seats BOOKED
 * @param seatsHeld       seats HELD by a pending booking (a waitlist offer's included)
 * @param seatsAvailable  seats free to book
 * @param pendingBookings bookings holding seats and not paid yet
 * @param revenueCents    what the CONFIRMED bookings cost (refunded ones are no longer confirmed)
 * @param refunds         refunds owed, under way or done (failed ones are not counted)
 * @param refundedCents   their amounts
 * @param waiting         waitlist entries still WAITING for an offer
 */
public record LiveFigures(long seatsSold, long seatsHeld, long seatsAvailable, long pendingBookings,
                          long revenueCents, long refunds, long refundedCents, long waiting) implements Serializable {

    public static final LiveFigures NONE = new LiveFigures(0, 0, 0, 0, 0, 0, 0, 0);

    /** Every seat of the map, whatever its status. */
    public long capacity() {
        return seatsSold + seatsHeld + seatsAvailable;
    }
}
