package dev.evently.booking.control;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff typed into the console's one booking search box, read as the one thing it most likely is: a number is
 * a booking id, anything with an {@code @} an email (or its start), a ticket code (whole, or its start up to the
 * booking id at least, as lists shorten it) the booking of that ticket, something shaped like a seat label
 * ("Floor A-1", "A-1") the bookings that held that seat, and anything else part of a customer's name.
 *
 * @param text    the email, name (lower case) or ticket code as typed; for a seat, its section (lower case) or null
 * @param number  the booking id (of a booking, or the one a ticket code names), or the seat's number
 * @param row     a seat's row, upper case; else null
 */
public record SearchTerm(Kind kind, String text, long number, String row) {

    public enum Kind {
        /** An empty box: the newest bookings (of the chosen event and status, if any). */
        ALL,
        BOOKING_ID,
        EMAIL,
        TICKET_CODE,
        SEAT,
        NAME
    }

    /** Longer than any email, name or ticket code Evently keeps; a longer box is refused, not searched. */
    public static final int MAX_LENGTH = 600;

    private static final Pattern BOOKING_ID = Pattern.compile("#?(\\d{1,18})");
    private static final Pattern TICKET_CODE = Pattern.compile("EVT1-(\\d{1,18})(?:-.*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEAT = Pattern.compile("(?:(\\S.{0,99}?)\\s+)?([A-Za-z0-9]{1,10})-(\\d{1,9})");

    /** @throws IllegalArgumentException for a box longer than {@value #MAX_LENGTH} characters */
    public static SearchTerm of(String box) {
        String typed = box == null ? "" : box.strip();
        if (typed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a search of at most " + MAX_LENGTH + " characters");
        }
        if (typed.isEmpty()) {
            return new SearchTerm(Kind.ALL, null, 0, null);
        }
        Matcher id = BOOKING_ID.matcher(typed);
        if (id.matches()) {
            return new SearchTerm(Kind.BOOKING_ID, null, Long.parseLong(id.group(1)), null);
        }
        if (typed.contains("@")) {
            return new SearchTerm(Kind.EMAIL, lower(typed), 0, null);
        }
        Matcher code = TICKET_CODE.matcher(typed);
        if (code.matches()) {
            // the prefix is matched as typed, but EVT1 is EVT1 in whatever case it was typed
            return new SearchTerm(Kind.TICKET_CODE, "EVT1" + typed.substring(4), Long.parseLong(code.group(1)), null);
        }
        Matcher seat = SEAT.matcher(typed);
        if (seat.matches()) {
            String section = seat.group(1) == null ? null : lower(seat.group(1).strip());
            return new SearchTerm(Kind.SEAT, section, Long.parseLong(seat.group(3)),
                    seat.group(2).toUpperCase(Locale.ROOT));
        }
        return new SearchTerm(Kind.NAME, lower(typed), 0, null);
    }

    /**
     * The text for a SQL {@code LIKE}, whose escape character is PostgreSQL's default, the backslash: its wildcards
     * and the backslash itself taken literally.
     */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
