package dev.evently.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.analytics.boundary.AnalyticsDay;
import dev.evently.analytics.boundary.LiveSection;

class SalesChartsTest {

    private static final List<AnalyticsDay> DAYS = List.of(
            day(LocalDate.of(2026, 3, 1), 0, 0),
            day(LocalDate.of(2026, 3, 2), 3, 13_500),
            day(LocalDate.of(2026, 3, 3), -1, -4_500));

    @Test
    void seatsSoldAreOneBarPerDayLabelledByDate() {
        String chart = SalesCharts.seatsSoldPerDay(DAYS);

        assertThat(chart).startsWith("{\"type\":\"bar\"")
                .contains("\"labels\":[\"1 Mar\",\"2 Mar\",\"3 Mar\"]")
                .contains("\"label\":\"Seats sold\"")
                .contains("\"data\":[0,3,-1]")
                .contains("\"animation\":false")
                .contains("\"y\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}");
    }

    @Test
    void revenueIsALineInWholeUnits() {
        String chart = SalesCharts.revenuePerDay(DAYS, "EUR");

        assertThat(chart).startsWith("{\"type\":\"line\"")
                .contains("\"label\":\"Revenue (EUR)\"")
                .contains("\"data\":[0.00,135.00,-45.00]");
    }

    @Test
    void noDaysIsAnEmptyChartNotAnError() {
        assertThat(SalesCharts.seatsSoldPerDay(List.of())).contains("\"labels\":[]").contains("\"data\":[]");
    }

    @Test
    void sectionsStackSoldHeldAndAvailable() {
        String chart = SalesCharts.capacityBySection(List.of(
                new LiveSection("Floor", 1, 2, 3), new LiveSection("Balcony", 0, 0, 2)));

        assertThat(chart).contains("\"labels\":[\"Floor\",\"Balcony\"]")
                .contains("{\"label\":\"Sold\",\"backgroundColor\":\"#1e8e3e\",\"borderColor\":\"#1e8e3e\",\"data\":[1,0]}")
                .contains("\"label\":\"Held\"").contains("\"data\":[2,0]")
                .contains("\"label\":\"Available\"").contains("\"data\":[3,2]")
                .contains("\"x\":{\"stacked\":true},\"y\":{\"stacked\":true,\"beginAtZero\":true");
    }

    @Test
    void aSectionNameCannotEndTheScriptItIsWrittenInto() {
        String chart = SalesCharts.capacityBySection(List.of(new LiveSection("</script><b>\"A\\B\"\u2028", 0, 0, 1)));

        assertThat(chart).doesNotContain("</script>").doesNotContain("<b>").doesNotContain("\u2028")
                .contains("\"\\u003c/script\\u003e\\u003cb\\u003e\\\"A\\\\B\\\"\\u2028\"");
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(ChartJson.string("a\nb\tc\u0001")).isEqualTo("\"a\\nb\\tc\\u0001\"");
        assertThat(ChartJson.string(null)).isEqualTo("null");
    }

    private static AnalyticsDay day(LocalDate day, long seatsSold, long revenueCents) {
        return new AnalyticsDay(day, 0, seatsSold, revenueCents, 0, 0, 0, 0);
    }
}
