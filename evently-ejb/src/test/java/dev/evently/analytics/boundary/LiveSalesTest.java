package dev.evently.analytics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.evently.analytics.control.LiveSalesQueries;

class LiveSalesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final LiveFigures TOTALS = new LiveFigures(3, 1, 4, 1, 13_500, 0, 0, 2);

    private final List<Object[]> asked = new ArrayList<>();
    private final LiveSales sales = new LiveSales();

    LiveSalesTest() {
        sales.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        sales.queries = new LiveSalesQueries() {
            @Override
            public List<LiveEvent> notEnded(String search, Instant now, int max) {
                asked.add(new Object[] {search, now, max});
                return List.of();
            }

            @Override
            public LiveOverview totals(Instant now) {
                return new LiveOverview(TOTALS, 7, List.of());
            }

            @Override
            public Optional<LiveEvent> event(long eventId) {
                return Optional.empty();
            }
        };
    }

    @Test
    void theTotalsCountEveryEventWhateverTheSearch() {
        LiveOverview overview = sales.overview("Harbour", 10);

        assertThat(overview.totals()).isEqualTo(TOTALS);
        assertThat(overview.eventCount()).isEqualTo(7);
        assertThat(asked.get(0)).containsExactly("Harbour", NOW, 10);
    }

    @Test
    void theListIsBoundedWhateverIsAsked() {
        sales.overview(null, 1_000_000);
        sales.overview(null, -3);

        assertThat(asked.get(0)[2]).isEqualTo(LiveSales.MAX_EVENTS);
        assertThat(asked.get(1)[2]).isEqualTo(1);
    }

    @Test
    void aBlankSearchIsNoneAndALongOneIsCut() {
        sales.overview("   ", 10);
        sales.overview("  " + "x".repeat(500) + "  ", 10);

        assertThat(asked.get(0)[0]).isNull();
        assertThat((String) asked.get(1)[0]).hasSize(LiveSales.MAX_SEARCH).matches("x+");
    }

    @Test
    void anUnknownEventIsEmpty() {
        assertThat(sales.event(404)).isEmpty();
    }

    @Test
    void capacityIsEverySeatWhateverItsStatus() {
        assertThat(TOTALS.capacity()).isEqualTo(8);
        assertThat(new LiveSection("Floor", 1, 2, 3).capacity()).isEqualTo(6);
    }
}
