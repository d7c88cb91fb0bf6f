package dev.evently.catalog.entity;

import dev.evently.platform.errors.InvalidRequestException;
import java.util.HashSet;
import java.util.List;

/** The shape of a seat map: sections of rows × seats, each section at one price. */
public record SeatLayout(List<Section> sections) {

    /** Larger than any real venue; beyond it a layout is a typo that would write millions of rows. */
    public static final int MAX_SEATS = 100_000;

    public SeatLayout {
        if (sections == null || sections.isEmpty()) {
            throw new InvalidRequestException("sections", "a seat layout needs at least one section");
        }
        sections = List.copyOf(sections);
        var names = new HashSet<String>();
        for (Section section : sections) {
            if (!names.add(section.name())) {
                throw new InvalidRequestException("sections", "section '" + section.name() + "' appears twice");
            }
        }
        long capacity = sections.stream().mapToLong(Section::capacity).sum();
        if (capacity > MAX_SEATS) {
            throw new InvalidRequestException("sections", "a seat map holds at most " + MAX_SEATS + " seats, not " + capacity);
        }
    }

    public int capacity() {
        return sections.stream().mapToInt(s -> (int) s.capacity()).sum();
    }

    public record Section(String name, int rows, int seatsPerRow, long priceCents) {

        public Section {
            if (name == null || name.isBlank() || name.strip().length() > 100) {
                throw new InvalidRequestException("name", "a section needs a name of 1 to 100 characters");
            }
            name = name.strip();
            if (rows < 1) {
                throw new InvalidRequestException("rows", "section '" + name + "' needs at least one row");
            }
            if (seatsPerRow < 1) {
                throw new InvalidRequestException("seatsPerRow", "section '" + name + "' needs at least one seat per row");
            }
            if (priceCents < 0) {
                throw new InvalidRequestException("priceCents", "section '" + name + "' cannot have a negative price");
            }
        }

        public long capacity() {
            return (long) rows * seatsPerRow;
        }
    }
}
