package dev.evently.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.catalog.entity.SeatLayout;

class LayoutPreviewTest {

    @Test
    void aSmallLayoutIsDrawnSeatBySeatWithItsTotals() {
        LayoutPreview preview = LayoutPreview.of(List.of(new SeatLayout.Section("Stalls", 2, 5, 4000),
                new SeatLayout.Section("Circle", 1, 4, 2500)));

        assertThat(preview.seats()).isEqualTo(14);
        assertThat(preview.valueCents()).isEqualTo(10 * 4000 + 4 * 2500);
        assertThat(preview.value()).isEqualTo("500.00");
        assertThat(preview.drawn()).isTrue();
        assertThat(preview.sections()).extracting(LayoutPreview.Section::name).containsExactly("Stalls", "Circle");
        LayoutPreview.Section stalls = preview.sections().get(0);
        assertThat(stalls.price()).isEqualTo("40.00");
        assertThat(stalls.seats()).isEqualTo(10);
        assertThat(stalls.rows()).extracting(LayoutPreview.Row::label).containsExactly("A", "B");
        assertThat(stalls.rows().get(1).seats()).containsExactly(1, 2, 3, 4, 5);
        assertThat(preview.sections().get(1).rows()).singleElement()
                .satisfies(row -> assertThat(row.seats()).hasSize(4));
    }

    @Test
    void rowsAreLabelledAsTheDomainLabelsThem() {
        assertThat(LayoutPreview.rowLabel(1)).isEqualTo("A");
        assertThat(LayoutPreview.rowLabel(26)).isEqualTo("Z");
        assertThat(LayoutPreview.rowLabel(27)).isEqualTo("AA");
        assertThat(LayoutPreview.rowLabel(702)).isEqualTo("ZZ");
    }

    @Test
    void aLargeLayoutIsSummedUpButNotDrawn() {
        LayoutPreview preview = LayoutPreview.of(List.of(new SeatLayout.Section("Arena", 200, 500, 1000)));

        assertThat(preview.seats()).isEqualTo(100_000);
        assertThat(preview.value()).isEqualTo("1000000.00");
        assertThat(preview.drawn()).isFalse();
        assertThat(preview.sections()).singleElement().satisfies(s -> {
            assertThat(s.seats()).isEqualTo(100_000);
            assertThat(s.rows()).isEmpty();
        });
    }
}
