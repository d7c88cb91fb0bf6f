package dev.evently.analytics.boundary;

import java.time.LocalDate;

/** One UTC day's figures; seats sold and revenue are net of the refunds of that day (may be negative). */
public record AnalyticsDay(LocalDate day, long bookings, long seatsSold, long revenueCents, long cancellations,
                           long expiries, long waitlistJoins, long waitlistOffers) {
}
