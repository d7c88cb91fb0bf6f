package dev.evently.catalog.boundary;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.catalog.control.EventQueries;
import dev.evently.catalog.entity.SeatLayout;

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

    @Inject
    EventQueries queries;

    /**
     * The layout of an event's seats; no sections when it has none (or does not exist).
     *
     * @param held   seats held by a pending booking now
     * @param booked seats sold now
     * @param taken  seats a new layout may not replace (held, sold, ticketed, or named by any booking ever): while
     *               there is one, {@link Events#update} refuses a new layout
     */
    public record EventLayout(List<SeatLayout.Section> sections, long held, long booked, long taken) {
    }

    public EventLayout layoutOf(long eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select section, count(distinct row_label), max(number), min(price_cents),
                            count(*) filter (where status = 'HELD'), count(*) filter (where status = 'BOOKED')
                        from seats where event_id = ?1 group by section order by min(id)""")
                .setParameter(1, eventId)
                .getResultList();
        List<SeatLayout.Section> sections = rows.stream()
                .map(row -> new SeatLayout.Section((String) row[0], ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(), ((Number) row[3]).longValue()))
                .toList();
        long held = rows.stream().mapToLong(row -> ((Number) row[4]).longValue()).sum();
        long booked = rows.stream().mapToLong(row -> ((Number) row[5]).longValue()).sum();
        return new EventLayout(sections, held, booked, queries.seatsTaken(eventId));
    }
}
