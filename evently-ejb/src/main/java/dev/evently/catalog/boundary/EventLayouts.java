package dev.evently.catalog.boundary;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.catalog.entity.SeatLayout;
import dev.evently.catalog.entity.SeatStatus;

/**
 * An event's seat map read back as the layout it was generated from, for an admin who edits it: each section's
 * rows, seats per row and price, in the order the sections were laid out, and how many seats are held or sold.
 * Seats are generated as full rectangles (rows × seats per row, one price), so the layout follows from the
 * seats: distinct rows, the highest seat number, the lowest price.
 */
@Stateless
public class EventLayouts {

    @PersistenceContext
    EntityManager em;

    /** The layout and the seats taken of an event; no sections when it has no seats (or does not exist). */
    public record EventLayout(List<SeatLayout.Section> sections, long held, long booked) {
    }

    public EventLayout layoutOf(long eventId) {
        List<Object[]> rows = em.createQuery("select s.section, count(distinct s.rowLabel), max(s.number),"
                        + " min(s.priceCents), min(s.id) from Seat s where s.event.id = :event group by s.section",
                        Object[].class)
                .setParameter("event", eventId)
                .getResultList();
        List<SeatLayout.Section> sections = rows.stream()
                .sorted(Comparator.comparingLong(row -> ((Number) row[4]).longValue()))
                .map(row -> new SeatLayout.Section((String) row[0], ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(), ((Number) row[3]).longValue()))
                .toList();
        Map<SeatStatus, Long> counts = new EnumMap<>(SeatStatus.class);
        em.createQuery("select s.status, count(s) from Seat s where s.event.id = :event group by s.status",
                        Object[].class)
                .setParameter("event", eventId)
                .getResultList()
                .forEach(row -> counts.put((SeatStatus) row[0], ((Number) row[1]).longValue()));
        return new EventLayout(sections, counts.getOrDefault(SeatStatus.HELD, 0L),
                counts.getOrDefault(SeatStatus.BOOKED, 0L));
    }
}
