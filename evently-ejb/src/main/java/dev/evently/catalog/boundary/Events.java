package dev.evently.catalog.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.catalog.control.CatalogCache;
import dev.evently.catalog.control.EventQueries;
import dev.evently.catalog.control.SeatMaps;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.EventChange;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

/**
 * The catalogue's use cases: the public reads, answered from the cache as ready JSON, and the admin's
 * changes, each announced as a domain event in its transaction (the cache forgets what it affects once the
 * change has committed).
 */
@Stateless
public class Events {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    EventQueries queries;

    @Inject
    CatalogCache cache;

    @Inject
    SeatMaps seatMaps;

    @Inject
    Announcements announcements;

    Clock clock = Clock.systemUTC();

    /*
     * The public reads run without a transaction of their own: most are answered from memory, and a miss
     * only reads, on connections in auto-commit.
     */

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CachedJson upcoming(EventQuery query) {
        return cache.eventList(query, () -> JSON.toJson(queries.upcoming(query, clock.instant())));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CachedJson details(long eventId) {
        CachedJson cached = cache.eventDetails(eventId, () -> queries.details(eventId, false)
                .map(JSON::toJson)
                .orElse(""));
        return present(eventId, cached);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CachedJson seatMap(long eventId) {
        return present(eventId, cache.seatMap(eventId, () -> seatMaps.json(eventId)));
    }

    /** Admins see drafts too, always fresh. */
    public EventDetails adminDetails(long eventId) {
        return queries.details(eventId, true).orElseThrow(() -> notFound(eventId));
    }

    /**
     * Events that have not ended yet, whatever their status, soonest first, for staff (never cached: a draft
     * made a moment ago shows); at most {@code max}, optionally only those whose name contains the text.
     */
    public List<EventOverview> forStaff(String nameContains, int max) {
        return queries.notEnded(nameContains, clock.instant(), max);
    }

    public EventDetails create(EventDraft draft) {
        Instant now = clock.instant();
        if (!draft.startTime().isAfter(now)) {
            throw new InvalidRequestException("startTime", "an event must start in the future");
        }
        Event event = new Event(draft.name(), draft.description(), draft.venue(), draft.startTime(), draft.endTime(), now);
        em.persist(event);
        event.layOutSeats(draft.layout()).forEach(em::persist);
        em.flush();
        changed(event, DomainEvents.EVENT_CREATED);
        return adminDetails(event.getId());
    }

    public EventDetails update(long eventId, EventDraft draft) {
        Event event = find(eventId);
        if (draft.version() == null || draft.version() != event.getVersion()) {
            throw new ConflictException("stale-version", "event " + eventId + " is at version " + event.getVersion()
                    + ", the update was made against version " + draft.version() + ": reload and try again");
        }
        event.revise(draft.name(), draft.description(), draft.venue(), draft.startTime(), draft.endTime());
        if (draft.layout() != null) {
            List<Seat> seats = event.replaceSeatMap(draft.layout(), queries.seatsTaken(eventId));
            queries.deleteSeatMap(eventId);
            seats.forEach(em::persist);
        }
        em.flush();
        changed(event, DomainEvents.EVENT_CHANGED);
        return adminDetails(eventId);
    }

    public EventDetails publish(long eventId) {
        Event event = find(eventId);
        event.publish();
        em.flush();
        changed(event, DomainEvents.EVENT_CHANGED);
        return adminDetails(eventId);
    }

    /** Cancelling never deletes: tickets, bookings and the event stay as history; notifications follow the outbox. */
    public EventDetails cancel(long eventId) {
        Event event = find(eventId);
        event.cancel();
        em.flush();
        changed(event, DomainEvents.EVENT_CANCELLED);
        return adminDetails(eventId);
    }

    private void changed(Event event, DomainEventType<EventChange> type) {
        announcements.announce(type, EventChange.of(event), clock.instant());
    }

    private Event find(long eventId) {
        Event event = em.find(Event.class, eventId);
        if (event == null) {
            throw notFound(eventId);
        }
        return event;
    }

    private static CachedJson present(long eventId, CachedJson cached) {
        if (cached.isEmpty()) {
            throw notFound(eventId);
        }
        return cached;
    }

    private static NotFoundException notFound(long eventId) {
        return new NotFoundException("event-not-found", "no event " + eventId);
    }
}
