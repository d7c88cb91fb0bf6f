package dev.evently.catalog.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import dev.evently.booking.control.Seats;
import dev.evently.booking.control.Seats.Availability;
import dev.evently.catalog.boundary.EventDetails;
import dev.evently.catalog.boundary.EventDetails.SectionSummary;
import dev.evently.catalog.boundary.EventOverview;
import dev.evently.catalog.boundary.EventPage;
import dev.evently.catalog.boundary.EventQuery;
import dev.evently.catalog.boundary.EventSummary;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.EventStatus;

/**
 * The catalogue's read queries, shaped as the API answers them. What is available comes from the seats' owner,
 * {@link Seats}.
 */
@ApplicationScoped
public class EventQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    public EventPage upcoming(EventQuery query, Instant now) {
        // Only the filters given become conditions: PostgreSQL plans each shape well, and never has to
        // guess the type of a parameter that is only compared with null.
        var where = new StringBuilder(" from Event e where e.status = :published and e.startTime > :now");
        Map<String, Object> parameters = new HashMap<>(Map.of("published", EventStatus.PUBLISHED, "now", now));
        if (query.text() != null) {
            where.append(" and (lower(e.name) like :text escape '\\' or lower(e.description) like :text escape '\\')");
            parameters.put("text", like(query.text()));
        }
        if (query.venue() != null) {
            where.append(" and lower(e.venue) like :venue escape '\\'");
            parameters.put("venue", like(query.venue()));
        }
        if (query.from() != null) {
            where.append(" and e.startTime >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.startTime < :to");
            parameters.put("to", query.to());
        }
        TypedQuery<Event> items = em.createQuery("select e" + where + " order by e.startTime, e.id", Event.class);
        TypedQuery<Long> total = em.createQuery("select count(e)" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            total.setParameter(name, value);
        });
        List<Event> events = items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList();
        Map<Long, Availability> availability = seats.availabilityOf(events.stream().map(Event::getId).toList());
        List<EventSummary> page = events.stream().map(e -> {
            Availability a = availability.getOrDefault(e.getId(), new Availability(0, null));
            return new EventSummary(e.getId(), e.getName(), e.getVenue(), e.getStartTime(), e.getEndTime(),
                    e.getTotalCapacity(), a.available(), a.minPriceCents());
        }).toList();
        return new EventPage(page, query.page(), query.size(), total.getSingleResult());
    }

    /** Every event whose end is after {@code now}, drafts and cancelled ones included, by start time. */
    public List<EventOverview> notEnded(String nameContains, Instant now, int max) {
        String text = like(nameContains);
        TypedQuery<Event> query = em.createQuery("select e from Event e where e.endTime > :now"
                + (text == null ? "" : " and lower(e.name) like :text escape '\\'")
                + " order by e.startTime, e.id", Event.class)
                .setParameter("now", now);
        if (text != null) {
            query.setParameter("text", text);
        }
        List<Event> events = query.setMaxResults(max).getResultList();
        Map<Long, Availability> availability = seats.availabilityOf(events.stream().map(Event::getId).toList());
        return events.stream().map(e -> new EventOverview(e.getId(), e.getName(), e.getVenue(), e.getStartTime(),
                e.getEndTime(), e.getStatus().name(), e.getTotalCapacity(),
                availability.getOrDefault(e.getId(), new Availability(0, null)).available())).toList();
    }

    public Optional<EventDetails> details(long eventId, boolean includeDrafts) {
        Event event = em.find(Event.class, eventId);
        if (event == null || (!includeDrafts && event.getStatus() == EventStatus.DRAFT)) {
            return Optional.empty();
        }
        List<SectionSummary> sections = seats.sectionsOf(eventId).stream()
                .map(c -> new SectionSummary(c.section(), c.seats(), c.available(), c.minPriceCents(), c.maxPriceCents()))
                .toList();
        long available = sections.stream().mapToLong(SectionSummary::availableSeats).sum();
        Long minPrice = sections.stream().map(SectionSummary::minPriceCents).min(Long::compare).orElse(null);
        return Optional.of(new EventDetails(event.getId(), event.getName(), event.getDescription(), event.getVenue(),
                event.getStartTime(), event.getEndTime(), event.getStatus().name(), event.getTotalCapacity(),
                available, minPrice, sections, event.getVersion()));
    }

    public long seatsTaken(long eventId) {
        return seats.takenOrEverBookedOf(eventId);
    }

    /** The event's seat map goes, so that a new layout can take its place; {@link #seatsTaken} must be 0. */
    public void deleteSeatMap(long eventId) {
        seats.deleteLayoutOf(eventId);
    }

    private static String like(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
