package dev.evently.console.events;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.evently.console.platform.Money;
import dev.evently.catalog.entity.SeatLayout;

/**
 * The layout editor's sections as typed, and what they mean: a list of sections the domain accepts, or the first
 * thing wrong with them as a sentence. The limits are the REST API's (evently-web EventRequests), so that the
 * console makes no layout the API would refuse: at most {@value #MAX_SECTIONS} sections of 1 to
 * {@value #MAX_ROWS} rows (A to ZZ) of 1 to {@value #MAX_SEATS_PER_ROW} seats, a price of at most one million,
 * and no more than {@link SeatLayout#MAX_SEATS} seats in all.
 */
public class LayoutRows implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MAX_SECTIONS = 50;
    static final int MAX_NAME = 100;
    static final int MAX_ROWS = 702;
    static final int MAX_SEATS_PER_ROW = 500;
    static final long MAX_PRICE_CENTS = 100_000_000L;

    /** Units and up to two decimals, a point or a comma between them: "40", "40.5", "40,50". */
    private static final Pattern PRICE = Pattern.compile("\\d{1,9}([.,]\\d{1,2})?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    private final List<SectionRow> rows = new ArrayList<>();

    /** The rows as the editor shows them; an empty editor has one blank row to start from. */
    public List<SectionRow> getRows() {
        return rows;
    }

    public void add() {
        if (rows.size() < MAX_SECTIONS) {
            rows.add(new SectionRow());
        }
    }

    public boolean isFull() {
        return rows.size() >= MAX_SECTIONS;
    }

    /** Removes the row at the index; an index no longer shown (a second click) changes nothing. */
    public void remove(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    /** Replaces the rows with the sections of a layout, as the editor shows them. */
    public void show(List<SeatLayout.Section> sections) {
        rows.clear();
        for (SeatLayout.Section section : sections) {
            rows.add(new SectionRow(section.name(), String.valueOf(section.rows()),
                    String.valueOf(section.seatsPerRow()), Money.units(section.priceCents())));
        }
    }

    /** The sections typed, checked: either the sections or the first problem, never both. */
    public Parsed parse() {
        if (rows.isEmpty()) {
            return Parsed.problem("Add at least one section to the layout.");
        }
        if (rows.size() > MAX_SECTIONS) {
            return Parsed.problem("A layout has at most " + MAX_SECTIONS + " sections.");
        }
        List<SeatLayout.Section> sections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long seats = 0;
        for (int i = 0; i < rows.size(); i++) {
            SectionRow row = rows.get(i);
            String name = row.getName() == null ? "" : row.getName().strip();
            String which = name.isEmpty() ? "Section " + (i + 1) : "Section " + name;
            if (name.isEmpty() || name.length() > MAX_NAME) {
                return Parsed.problem("Section " + (i + 1) + " needs a name of 1 to " + MAX_NAME + " characters.");
            }
            if (!names.add(name)) {
                return Parsed.problem("Two sections are called " + name + ": give each its own name.");
            }
            Integer rowCount = whole(row.getRows(), MAX_ROWS);
            if (rowCount == null) {
                return Parsed.problem(which + " needs 1 to " + MAX_ROWS + " rows.");
            }
            Integer perRow = whole(row.getSeatsPerRow(), MAX_SEATS_PER_ROW);
            if (perRow == null) {
                return Parsed.problem(which + " needs 1 to " + MAX_SEATS_PER_ROW + " seats per row.");
            }
            Long cents = cents(row.getPrice());
            if (cents == null) {
                return Parsed.problem(which + " needs a price per seat from 0 to " + Money.units(MAX_PRICE_CENTS)
                        + ", with at most two decimals (e.g. 40.00).");
            }
            seats += (long) rowCount * perRow;
            sections.add(new SeatLayout.Section(name, rowCount, perRow, cents));
        }
        if (seats > SeatLayout.MAX_SEATS) {
            return Parsed.problem("A seat map holds at most " + SeatLayout.MAX_SEATS + " seats; this layout has "
                    + seats + ".");
        }
        return new Parsed(List.copyOf(sections), null);
    }

    /** A whole number from 1 to max, or null. */
    static Integer whole(String text, int max) {
        String typed = text == null ? "" : text.strip();
        if (!WHOLE.matcher(typed).matches()) {
            return null;
        }
        int value = Integer.parseInt(typed);
        return value >= 1 && value <= max ? value : null;
    }

    /** A price in currency units as cents, from 0 to the limit, or null. */
    static Long cents(String text) {
        String typed = text == null ? "" : text.strip();
        if (!PRICE.matcher(typed).matches()) {
            return null;
        }
        long cents = new BigDecimal(typed.replace(',', '.')).movePointRight(2).longValueExact();
        return cents <= MAX_PRICE_CENTS ? cents : null;
    }

    /** Sections that make a layout, or a sentence saying what is wrong. */
    public record Parsed(List<SeatLayout.Section> sections, String problem) {

        static Parsed problem(String problem) {
            return new Parsed(List.of(), problem);
        }

        public boolean ok() {
            return problem == null;
        }

        public SeatLayout layout() {
            return new SeatLayout(sections);
        }
    }
}
