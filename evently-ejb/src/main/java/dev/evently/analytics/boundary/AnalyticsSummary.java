package dev.evently.analytics.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * The admins' overview for the last {@code days} UTC days, {@code from} to {@code to} (today) inclusive.
 *
 * @param totals    all events' figures over the period: the sum of {@code daily}
 * @param events    every event with activity in the period or on sale now, soonest first, with its figures so far
 * @param topEvents the five of {@code events} with the most revenue
 * @param daily     one row per day of the period, oldest first, days without activity included
 */
public record AnalyticsSummary(int days, LocalDate from, LocalDate to, AnalyticsTotals totals,
                               List<AnalyticsEvent> events, List<AnalyticsEvent> topEvents, List<AnalyticsDay> daily) {
}
