package dev.evently.console.dashboard;

/** The {@code event} parameter of the dashboard's address, as anyone may type it. */
final class EventParameter {

    /** Enough digits for any event id; a longer text is no id. */
    static final int MAX_LENGTH = 18;

    private EventParameter() {
    }

    /** The event id, or null for anything that is not a positive whole number of at most 18 digits. */
    static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String id = text.strip();
        if (id.isEmpty() || id.length() > MAX_LENGTH || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long value = Long.parseLong(id);
        return value > 0 ? value : null;
    }
}
