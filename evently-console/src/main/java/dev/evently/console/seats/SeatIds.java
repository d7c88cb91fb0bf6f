package dev.evently.console.seats;

/** Ids as they arrive in a request (a page's parameter, a clicked seat): anything but a positive number is none. */
final class SeatIds {

    private SeatIds() {
    }

    static Long parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 19) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
