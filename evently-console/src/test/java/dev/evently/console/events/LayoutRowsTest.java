package dev.evently.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.catalog.entity.SeatLayout;

class LayoutRowsTest {

    @Test
    void sectionsAsTypedBecomeTheLayoutWithPricesInCents() {
        LayoutRows rows = rows(new SectionRow(" Stalls ", "2", "5", "40.00"), new SectionRow("Circle", " 1", "4", "25,5"));

        LayoutRows.Parsed parsed = rows.parse();

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.sections()).containsExactly(new SeatLayout.Section("Stalls", 2, 5, 4000),
                new SeatLayout.Section("Circle", 1, 4, 2550));
        assertThat(parsed.layout().capacity()).isEqualTo(14);
    }

    @Test
    void aLayoutShownComesBackAsTheSameSections() {
        List<SeatLayout.Section> sections = List.of(new SeatLayout.Section("Floor", 2, 3, 4500),
                new SeatLayout.Section("Balcony", 1, 2, 2000));
        LayoutRows rows = new LayoutRows();

        rows.show(sections);

        assertThat(rows.getRows()).extracting(SectionRow::getPrice).containsExactly("45.00", "20.00");
        assertThat(rows.parse().sections()).isEqualTo(sections);
    }

    @Test
    void eachMistakeIsNamedInASentence() {
        assertThat(problem()).isEqualTo("Add at least one section to the layout.");
        assertThat(problem(new SectionRow(" ", "1", "1", "1"))).contains("Section 1 needs a name");
        assertThat(problem(new SectionRow("n".repeat(101), "1", "1", "1"))).contains("Section 1 needs a name");
        assertThat(problem(new SectionRow("A", "1", "1", "1"), new SectionRow("A", "1", "1", "1")))
                .isEqualTo("Two sections are called A: give each its own name.");
        assertThat(problem(new SectionRow("A", "0", "1", "1"))).isEqualTo("Section A needs 1 to 702 rows.");
        assertThat(problem(new SectionRow("A", "703", "1", "1"))).isEqualTo("Section A needs 1 to 702 rows.");
        assertThat(problem(new SectionRow("A", "two", "1", "1"))).isEqualTo("Section A needs 1 to 702 rows.");
        assertThat(problem(new SectionRow("A", "1", "501", "1"))).contains("1 to 500 seats per row");
        assertThat(problem(new SectionRow("A", "1", null, "1"))).contains("1 to 500 seats per row");
        assertThat(problem(new SectionRow("A", "1", "1", "-1"))).contains("needs a price per seat");
        assertThat(problem(new SectionRow("A", "1", "1", "1.234"))).contains("needs a price per seat");
        assertThat(problem(new SectionRow("A", "1", "1", "1000000.01"))).contains("needs a price per seat");
        assertThat(problem(new SectionRow("A", "1", "1", "1e3"))).contains("needs a price per seat");
        assertThat(problem(new SectionRow("A", "702", "500", "1"))).contains("at most 100000 seats");
    }

    @Test
    void pricesAreReadAsUnitsWithUpToTwoDecimals() {
        assertThat(LayoutRows.cents("0")).isZero();
        assertThat(LayoutRows.cents("40")).isEqualTo(4000);
        assertThat(LayoutRows.cents("40.5")).isEqualTo(4050);
        assertThat(LayoutRows.cents("1000000.00")).isEqualTo(100_000_000);
        assertThat(LayoutRows.cents("")).isNull();
        assertThat(LayoutRows.cents(null)).isNull();
        assertThat(LayoutRows.cents("999999999999")).isNull();
    }

    @Test
    void theEditorHoldsAtMostFiftySections() {
        LayoutRows rows = new LayoutRows();
        for (int i = 0; i < 60; i++) {
            rows.add();
        }
        assertThat(rows.getRows()).hasSize(LayoutRows.MAX_SECTIONS);
        assertThat(rows.isFull()).isTrue();

        rows.remove(0);
        rows.remove(LayoutRows.MAX_SECTIONS);
        rows.remove(-1);
        assertThat(rows.getRows()).as("only a row shown is removed").hasSize(LayoutRows.MAX_SECTIONS - 1);
    }

    private static String problem(SectionRow... typed) {
        LayoutRows.Parsed parsed = rows(typed).parse();
        assertThat(parsed.ok()).isFalse();
        return parsed.problem();
    }

    private static LayoutRows rows(SectionRow... typed) {
        LayoutRows rows = new LayoutRows();
        rows.getRows().addAll(List.of(typed));
        return rows;
    }
}
