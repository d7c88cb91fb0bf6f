package dev.evently.console.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.evently.analytics.boundary.AnalyticsDay;
import dev.evently.analytics.boundary.LiveSection;
import dev.evently.console.platform.Money;

/**
 * The dashboard's charts as Chart.js configurations for {@code p:chart}: seats sold and revenue per day from the
 * daily analytics figures, and each section's seats sold, held and free stacked in one bar.
 */
public final class SalesCharts {

    static final String SOLD = "#1e8e3e";
    static final String HELD = "#f0a202";
    static final String FREE = "#cbd2d9";
    static final String REVENUE = "#2563eb";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private SalesCharts() {
    }

    /** A bar per day of the seats sold that day, net of refunds (so a bar may go below zero). */
    public static String seatsSoldPerDay(List<AnalyticsDay> days) {
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + labels(days) + ",\"datasets\":["
                + dataset("Seats sold", SOLD, days, d -> Long.toString(d.seatsSold())) + "]},"
                + options("Seats sold per day", false, true) + "}";
    }

    /** A line through each day's revenue in whole currency units, net of refunds. */
    public static String revenuePerDay(List<AnalyticsDay> days, String currency) {
        return "{\"type\":\"line\",\"data\":{\"labels\":" + labels(days) + ",\"datasets\":["
                + dataset("Revenue" + (currency == null ? "" : " (" + currency + ")"), REVENUE, days,
                d -> Money.units(d.revenueCents())) + "]},"
                + options("Revenue per day", false, false) + "}";
    }

    /** One bar per section, its seats sold, held and free stacked. */
    public static String capacityBySection(List<LiveSection> sections) {
        String labels = ChartJson.array(sections.stream().map(s -> ChartJson.string(s.name())).toList());
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + labels + ",\"datasets\":["
                + dataset("Sold", SOLD, sections, s -> Long.toString(s.sold())) + ","
                + dataset("Held", HELD, sections, s -> Long.toString(s.held())) + ","
                + dataset("Available", FREE, sections, s -> Long.toString(s.available())) + "]},"
                + options("Capacity by section", true, true) + "}";
    }

    private static String labels(List<AnalyticsDay> days) {
        return ChartJson.array(days.stream().map(d -> ChartJson.string(DAY.format(d.day()))).toList());
    }

    private static <T> String dataset(String label, String colour, List<T> rows, Function<T, String> value) {
        return "{\"label\":" + ChartJson.string(label) + ",\"backgroundColor\":" + ChartJson.string(colour)
                + ",\"borderColor\":" + ChartJson.string(colour) + ",\"data\":"
                + ChartJson.array(rows.stream().map(value).toList()) + "}";
    }

    // no animation: the charts are redrawn every few seconds, and a chart that keeps growing from zero distracts
    private static String options(String title, boolean stacked, boolean seats) {
        String y = "{" + (stacked ? "\"stacked\":true," : "") + "\"beginAtZero\":true"
                + (seats ? ",\"ticks\":{\"precision\":0}" : "") + "}";
        String axes = "\"scales\":{" + (stacked ? "\"x\":{\"stacked\":true}," : "") + "\"y\":" + y + "}";
        return "\"options\":{\"animation\":false,\"responsive\":true,\"maintainAspectRatio\":false,"
                + "\"plugins\":{\"title\":{\"display\":true,\"text\":" + ChartJson.string(title) + "}},"
                + axes + "}";
    }
}
