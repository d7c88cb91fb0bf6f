package dev.evently.console.events;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import dev.evently.console.platform.Money;
import dev.evently.catalog.entity.SeatLayout;

/**
 * The seat map a layout would generate, to look at before saving: per section its rows, labelled as the domain
 * labels them (A … Z, AA …), each with its seats, and the totals. The page draws one square per seat; past
 * {@value #MAX_DRAWN} seats it draws the sections as summaries only, since a browser chokes on a hundred thousand
 * squares and nobody counts them.
 */
public record LayoutPreview(List<Section> sections, long seats, long valueCents, boolean drawn) implements Serializable {

    static final int MAX_DRAWN = 3_000;

    /** A section of the preview; {@code rows} is empty when the preview is not drawn. */
    public record Section(String name, int rowCount, int seatsPerRow, long priceCents, List<Row> rows)
            implements Serializable {

        public long seats() {
            return (long) rowCount * seatsPerRow;
        }

        public String price() {
            return Money.units(priceCents);
        }
    }

    /** A row: its label and its seat numbers, 1 to seats per row. */
    public record Row(String label, List<Integer> seats) implements Serializable {
    }

    public static LayoutPreview of(List<SeatLayout.Section> layout) {
        long seats = 0;
        long value = 0;
        for (SeatLayout.Section section : layout) {
            seats += section.capacity();
            value += section.capacity() * section.priceCents();
        }
        boolean drawn = seats <= MAX_DRAWN;
        List<Section> sections = new ArrayList<>();
        for (SeatLayout.Section section : layout) {
            List<Row> rows = new ArrayList<>();
            if (drawn) {
                List<Integer> numbers = new ArrayList<>();
                for (int n = 1; n <= section.seatsPerRow(); n++) {
                    numbers.add(n);
                }
                for (int r = 1; r <= section.rows(); r++) {
                    rows.add(new Row(rowLabel(r), numbers));
                }
            }
            sections.add(new Section(section.name(), section.rows(), section.seatsPerRow(), section.priceCents(),
                    List.copyOf(rows)));
        }
        return new LayoutPreview(List.copyOf(sections), seats, value, drawn);
    }

    /** What all seats sell for together, e.g. "555.00". */
    public String value() {
        return Money.units(valueCents);
    }

    public int getMaxDrawn() {
        return MAX_DRAWN;
    }

    /** Row labels as the domain gives them (Event.rowLabel): 1 → A, 26 → Z, 27 → AA. */
    static String rowLabel(int row) {
        StringBuilder label = new StringBuilder();
        for (int n = row; n > 0; n = (n - 1) / 26) {
            label.append((char) ('A' + (n - 1) % 26));
        }
        return label.reverse().toString();
    }
}
