package dev.evently.catalog.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import dev.evently.catalog.boundary.EventDetails;
import dev.evently.catalog.boundary.EventDetails.SectionSummary;
import dev.evently.catalog.boundary.EventPage;
import dev.evently.catalog.boundary.EventQuery;
import dev.evently.catalog.boundary.EventSummary;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.EventStatus;

/** The catalogue's read queries: one round trip each, shaped as the API answers them. */
@ApplicationScoped
public class EventQueries {

    @PersistenceContext
    EntityManager em;

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
        TypedQuery<EventSummary> items = em.createQuery("""
                select new dev.evently.catalog.boundary.EventSummary(e.id, e.name, e.venue, e.startTime, e.endTime,
                    e.totalCapacity,
                    (select count(s) from Seat s where s.event = e
                        and s.status = dev.evently.catalog.entity.SeatStatus.AVAILABLE),
                    (select min(s.priceCents) from Seat s where s.event = e))
                """ + where + " order by e.startTime, e.id", EventSummary.class);
        TypedQuery<Long> total = em.createQuery("select count(e)" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            total.setParameter(name, value);
        });
        List<EventSummary> page = items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList();
        return new EventPage(page, query.page(), query.size(), total.getSingleResult());
    }

    public Optional<EventDetails> details(long eventId, boolean includeDrafts) {
        Event event = em.find(Event.class, eventId);
        if (event == null || (!includeDrafts && event.getStatus() == EventStatus.DRAFT)) {
            return Optional.empty();
        }
        List<SectionSummary> sections = em.createQuery("""
                        select s.section, count(s),
                            sum(case when s.status = dev.evently.catalog.entity.SeatStatus.AVAILABLE then 1 else 0 end),
                            min(s.priceCents), max(s.priceCents)
                        from Seat s where s.event.id = :id group by s.section order by min(s.id)""", Object[].class)
                .setParameter("id", eventId)
                .getResultStream()
                .map(row -> new SectionSummary((String) row[0], ((Number) row[1]).intValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue()))
                .toList();
        long available = sections.stream().mapToLong(SectionSummary::availableSeats).sum();
        Long minPrice = sections.stream().map(SectionSummary::minPriceCents).min(Long::compare).orElse(null);
        return Optional.of(new EventDetails(event.getId(), event.getName(), event.getDescription(), event.getVenue(),
                event.getStartTime(), event.getEndTime(), event.getStatus().name(), event.getTotalCapacity(),
                available, minPrice, sections, event.getVersion()));
    }

    public long seatsTaken(long eventId) {
        return em.createQuery("""
                        select count(s) from Seat s where s.event.id = :id
                        and (s.status <> dev.evently.catalog.entity.SeatStatus.AVAILABLE
                             or exists (select t from Ticket t where t.seat = s)
                             or exists (select b from Booking b join b.seatIds held where held = s.id))""", Long.class)
                .setParameter("id", eventId)
                .getSingleResult();
    }

    private static String like(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
