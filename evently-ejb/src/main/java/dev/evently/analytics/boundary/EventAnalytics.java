package dev.evently.analytics.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * One event's figures: so far ({@code event}), and over the last {@code days} UTC days ({@code totals}, the
 * sum of {@code daily}).
 */
public record EventAnalytics(AnalyticsEvent event, int days, LocalDate from, LocalDate to, AnalyticsTotals totals,
                             List<AnalyticsDay> daily) {
}
