package dev.evently.api.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

import dev.evently.platform.errors.InvalidRequestException;

/** Query parameters read by hand, so a bad one is a 400 problem naming it (JAX-RS would answer 404). */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(field, "a whole number from " + min + " to " + max);
    }

    /** A generation (a whole number at least 0), or empty when absent. */
    public static OptionalLong generation(String field, String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0) {
                return OptionalLong.of(number);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(field, "a generation, as the seat map or the last change gave it");
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "an ISO-8601 instant such as 2027-01-31T20:00:00Z");
        }
    }

    /** Free text of at most 200 characters; blank counts as absent. */
    public static String text(String field, String value) {
        if (value != null && value.length() > 200) {
            throw new InvalidRequestException(field, "at most 200 characters");
        }
        return value == null || value.isBlank() ? null : value;
    }
}
