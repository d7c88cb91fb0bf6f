package dev.evently.analytics.control;

import static dev.evently.platform.control.SqlValues.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.evently.analytics.boundary.LiveEvent;
import dev.evently.analytics.boundary.LiveFigures;
import dev.evently.analytics.boundary.LiveOverview;
import dev.evently.analytics.boundary.LiveSection;

/**
 * The live side of the dashboard: aggregates over the seats, bookings, refunds and waitlist tables, one round
 * trip each. Each event's figures are counted through its own indexes (seats by event and status, bookings by
 * event, refunds by booking, the waitlist queue), so a page of events costs a page of index scans.
 */
@ApplicationScoped
public class LiveSalesQueries {

    /** An event's columns and its eight figures, in the order {@link LiveFigures} takes them. */
    private static final String EVENT_FIGURES = """
            select e.id, e.name, e.start_time, e.end_time, e.status,
                   s.sold, s.held, s.available, b.pending, b.revenue, r.refunds, r.refunded, w.waiting
            from events e
            cross join lateral (select count(*) filter (where st.status = 'BOOKED') as sold,
                                       count(*) filter (where st.status = 'HELD') as held,
                                       count(*) filter (where st.status = 'AVAILABLE') as available
                                from seats st where st.event_id = e.id) s
            cross join lateral (select count(*) filter (where bk.status = 'PENDING') as pending,
                                       coalesce(sum(bk.total_cents) filter (where bk.status = 'CONFIRMED'), 0)
                                           as revenue
                                from bookings bk where bk.event_id = e.id) b
            cross join lateral (select count(*) as refunds, coalesce(sum(rf.amount_cents), 0) as refunded
                                from refunds rf join bookings rb on rb.id = rf.booking_id
                                where rb.event_id = e.id and rf.status <> 'FAILED') r
            cross join lateral (select count(*) as waiting from waitlist_entries we
                                where we.event_id = e.id and we.status = 'WAITING') w
            """;

    @PersistenceContext
    EntityManager em;

    public Optional<LiveEvent> event(long eventId) {
        return rows(em.createNativeQuery(EVENT_FIGURES + " where e.id = ?1").setParameter(1, eventId))
                .stream().map(LiveSalesQueries::event).findFirst();
    }

    /** Events ending after {@code now} whose name contains {@code search} (all for null), soonest first. */
    public List<LiveEvent> notEnded(String search, Instant now, int max) {
        Query query = em.createNativeQuery(EVENT_FIGURES + " where e.end_time > ?1"
                        + (search == null ? "" : " and lower(e.name) like ?2 escape '\\'")
                        + " order by e.start_time, e.id limit " + max)
                .setParameter(1, now);
        if (search != null) {
            query.setParameter(2, like(search));
        }
        return rows(query).stream().map(LiveSalesQueries::event).toList();
    }

    /**
     * The figures summed over every event ending after {@code now}, and how many such events there are. One
     * aggregate per table joined to those events, rather than the per-event counts summed: the overall page asks
     * every second, and there may be thousands of events on sale.
     */
    public LiveOverview totals(Instant now) {
        Object[] r = rows(em.createNativeQuery("""
                        with live as (select id from events where end_time > ?1)
                        select (select count(*) from live),
                               s.sold, s.held, s.available, b.pending, b.revenue, r.refunds, r.refunded, w.waiting
                        from (select count(*) filter (where st.status = 'BOOKED') as sold,
                                     count(*) filter (where st.status = 'HELD') as held,
                                     count(*) filter (where st.status = 'AVAILABLE') as available
                              from seats st join live on live.id = st.event_id) s,
                             (select count(*) filter (where bk.status = 'PENDING') as pending,
                                     coalesce(sum(bk.total_cents) filter (where bk.status = 'CONFIRMED'), 0)
                                         as revenue
                              from bookings bk join live on live.id = bk.event_id) b,
                             (select count(*) as refunds, coalesce(sum(rf.amount_cents), 0) as refunded
                              from refunds rf join bookings rb on rb.id = rf.booking_id
                                              join live on live.id = rb.event_id
                              where rf.status <> 'FAILED') r,
                             (select count(*) as waiting from waitlist_entries we join live on live.id = we.event_id
                              where we.status = 'WAITING') w""")
                .setParameter(1, now)).get(0);
        return new LiveOverview(figures(r, 1), number(r[0]), List.of());
    }

    /** The event's sections in seat-map order (by their first seat), at most {@code max}. */
    public List<LiveSection> sections(long eventId, int max) {
        return rows(em.createNativeQuery("""
                        select st.section, count(*) filter (where st.status = 'BOOKED'),
                               count(*) filter (where st.status = 'HELD'),
                               count(*) filter (where st.status = 'AVAILABLE')
                        from seats st where st.event_id = ?1
                        group by st.section order by min(st.id) limit\s""" + max)
                .setParameter(1, eventId))
                .stream().map(r -> new LiveSection((String) r[0], number(r[1]), number(r[2]), number(r[3])))
                .toList();
    }

    private static LiveEvent event(Object[] r) {
        return new LiveEvent(number(r[0]), (String) r[1], instant(r[2]), instant(r[3]), (String) r[4],
                figures(r, 5));
    }

    private static LiveFigures figures(Object[] r, int from) {
        return new LiveFigures(number(r[from]), number(r[from + 1]), number(r[from + 2]), number(r[from + 3]),
                number(r[from + 4]), number(r[from + 5]), number(r[from + 6]), number(r[from + 7]));
    }

    static String like(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
