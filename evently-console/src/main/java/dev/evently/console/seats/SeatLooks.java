package dev.evently.console.seats;

import dev.evently.booking.boundary.SeatStatuses.Status;

/**
 * How a seat's status shows on the map: the word people read (in the legend, a seat's title and its label for
 * screen readers) and the CSS class that colours it. Colour is never the only sign: the title says it too.
 */
public final class SeatLooks {

    private SeatLooks() {
    }

    public static String label(Status status) {
        return switch (status) {
            case AVAILABLE -> "Available";
            case HELD -> "Held";
            case SOLD -> "Sold";
            case CHECKED_IN -> "Checked in";
        };
    }

    /** E.g. {@code seat-checked-in}; a selected seat adds {@code seat-selected}. */
    public static String cssClass(Status status, boolean selected) {
        String base = "seat seat-" + status.name().toLowerCase().replace('_', '-');
        return selected ? base + " seat-selected" : base;
    }

    /** What a screen reader says of a seat, e.g. "Floor A-1, 45.00 EUR, available, selected". */
    public static String describe(String label, String price, Status status, boolean selected) {
        return label + ", " + price + ", " + label(status).toLowerCase() + (selected ? ", selected" : "");
    }
}
