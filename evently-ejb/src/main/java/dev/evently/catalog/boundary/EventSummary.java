package dev.evently.catalog.boundary;

import java.time.Instant;

/** One event in the public list. */
public record EventSummary(long id, String name, String venue, Instant startTime, Instant endTime,
                           int totalCapacity, long availableSeats, Long minPriceCents) {
}
