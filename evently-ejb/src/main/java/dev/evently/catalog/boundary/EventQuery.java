package dev.evently.catalog.boundary;

import java.time.Instant;

/** The public list's filters: free text in name or description, venue, a start-time window, a page. */
public record EventQuery(String text, String venue, Instant from, Instant to, int page, int size) {

    /** A stable cache key for the same question, however it was spelt. */
    public String key() {
        return String.join("|", norm(text), norm(venue), String.valueOf(from), String.valueOf(to),
                String.valueOf(page), String.valueOf(size));
    }

    private static String norm(String value) {
        return value == null ? "" : value.strip().toLowerCase();
    }
}
