package dev.evently.catalog.boundary;

import java.time.Instant;

import dev.evently.catalog.entity.SeatLayout;

/**
 * What an admin says about an event: its description and, optionally, its seat layout. For an update,
 * {@code version} is the one the admin last saw; {@code layout} null keeps the seat map.
 */
public record EventDraft(String name, String description, String venue, Instant startTime, Instant endTime,
                         SeatLayout layout, Long version) {
}
