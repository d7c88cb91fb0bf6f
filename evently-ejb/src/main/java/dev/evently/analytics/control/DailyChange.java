package dev.evently.analytics.control;

import java.util.Optional;

/**
 * What one domain event adds to its event's figures of the day. Figures are net: cancelling a paid booking
 * is a refund, so it takes the booking's seats and revenue back out.
 */
public record DailyChange(int bookings, int seatsSold, long revenueCents, int cancellations, int expiries,
                          int waitlistJoins, int waitlistOffers) {

    /**
     * @param seats          how many seats the booking or offer names
     * @param totalCents     the booking's total
     * @param previousStatus for a cancellation, the status the booking left (PENDING or CONFIRMED)
     * @return empty for a type analytics does not count
     */
    public static Optional<DailyChange> of(String type, int seats, long totalCents, String previousStatus) {
        return Optional.ofNullable(switch (type) {
            case "booking.created" -> new DailyChange(1, 0, 0, 0, 0, 0, 0);
            case "booking.confirmed" -> new DailyChange(0, seats, totalCents, 0, 0, 0, 0);
            case "booking.cancelled" -> "CONFIRMED".equals(previousStatus)
                    ? new DailyChange(0, -seats, -totalCents, 1, 0, 0, 0)
                    : new DailyChange(0, 0, 0, 1, 0, 0, 0);
            case "booking.expired" -> new DailyChange(0, 0, 0, 0, 1, 0, 0);
            case "waitlist.joined" -> new DailyChange(0, 0, 0, 0, 0, 1, 0);
            case "waitlist.offered" -> new DailyChange(0, 0, 0, 0, 0, 0, 1);
            default -> null;
        });
    }
}
