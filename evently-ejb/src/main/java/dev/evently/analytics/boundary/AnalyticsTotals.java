package dev.evently.analytics.boundary;

import java.util.List;

/** Figures summed over a period: the sum of its days. */
public record AnalyticsTotals(long bookings, long seatsSold, long revenueCents, long cancellations, long expiries,
                              long waitlistJoins, long waitlistOffers) {

    public static AnalyticsTotals of(List<AnalyticsDay> days) {
        long bookings = 0, seatsSold = 0, revenueCents = 0, cancellations = 0, expiries = 0, joins = 0, offers = 0;
        for (AnalyticsDay day : days) {
            bookings += day.bookings();
            seatsSold += day.seatsSold();
            revenueCents += day.revenueCents();
            cancellations += day.cancellations();
            expiries += day.expiries();
            joins += day.waitlistJoins();
            offers += day.waitlistOffers();
        }
        return new AnalyticsTotals(bookings, seatsSold, revenueCents, cancellations, expiries, joins, offers);
    }
}
