package dev.evently.console.seats;

import java.io.Serializable;
import java.time.Instant;

import dev.evently.catalog.boundary.EventDetails;

/** What the seat map shows and needs of its event, kept with the view (so serializable, unlike the boundary's). */
public record EventHeader(long id, String name, String venue, Instant startTime, String status, int totalCapacity)
        implements Serializable {

    static EventHeader of(EventDetails event) {
        return new EventHeader(event.id(), event.name(), event.venue(), event.startTime(), event.status(),
                event.totalCapacity());
    }

    /** Whether seats can be sold now: published and not yet begun (the hold checks again). */
    public boolean onSale(Instant now) {
        return "PUBLISHED".equals(status) && now.isBefore(startTime);
    }
}
