package dev.evently.catalog.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * One event as staff see it in a list: drafts and cancelled events too, with what is left to sell. Serializable
 * because the console keeps a page of them in a view that lives in the HTTP session.
 */
public record EventOverview(long id, String name, String venue, Instant startTime, Instant endTime, String status,
                            int totalCapacity, long availableSeats) implements Serializable {
}
