package dev.evently.catalog.boundary;

import java.time.Instant;
import java.util.List;

/** An event with its sections and what is left; {@code version} is what an admin update must quote. */
public record EventDetails(long id, String name, String description, String venue, Instant startTime,
                           Instant endTime, String status, int totalCapacity, long availableSeats,
                           Long minPriceCents, List<SectionSummary> sections, long version) {

    public record SectionSummary(String name, int seats, long availableSeats, long minPriceCents, long maxPriceCents) {
    }
}
