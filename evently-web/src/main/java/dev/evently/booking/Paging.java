package dev.evently.booking;

import dev.evently.platform.InvalidRequestException;

/** Query parameters as numbers, refused by name when they are not. */
final class Paging {

    private Paging() {
    }

    static int number(String field, String value, int fallback, int min, int max) {
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
}
