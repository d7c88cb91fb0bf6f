package dev.evently.analytics.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One event and its sales right now. */
public record LiveEvent(long eventId, String name, Instant startTime, Instant endTime, String status,
                        LiveFigures figures) implements Serializable {
}
