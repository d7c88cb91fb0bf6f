package dev.evently.analytics.control;

import static dev.evently.platform.control.SqlValues.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.evently.analytics.boundary.AnalyticsDay;
import dev.evently.analytics.boundary.AnalyticsEvent;

/** The read side: the daily figures summed per day or per event, one round trip each. */
@ApplicationScoped
public class AnalyticsQueries {

    private static final String EVENT_FIGURES = """
            select e.id, e.name, e.start_time, e.status, e.total_capacity,
                   coalesce(sold.seats_sold, 0), coalesce(sold.revenue_cents, 0),
                   (select count(*) from waitlist_entries w
                    where w.event_id = e.id and w.status in ('WAITING', 'OFFERED'))
            from events e
            left join lateral (select sum(d.seats_sold) as seats_sold, sum(d.revenue_cents) as revenue_cents
                               from event_daily_stats d where d.event_id = e.id) sold on true
            """;

    @PersistenceContext
    EntityManager em;

    /** One row per day from {@code from} to {@code to} inclusive, all events' figures or one event's. */
    public List<AnalyticsDay> daily(LocalDate from, LocalDate to, Long eventId) {
        Query query = em.createNativeQuery("""
                        with period as (select cast(?1 as date) + n as day from generate_series(0, ?2) n)
                        select p.day, coalesce(sum(s.bookings), 0), coalesce(sum(s.seats_sold), 0),
                               coalesce(sum(s.revenue_cents), 0), coalesce(sum(s.cancellations), 0),
                               coalesce(sum(s.expiries), 0), coalesce(sum(s.waitlist_joins), 0),
                               coalesce(sum(s.waitlist_offers), 0)
                        from period p left join event_daily_stats s on s.day = p.day"""
                        + (eventId == null ? "" : " and s.event_id = ?3")
                        + " group by p.day order by p.day")
                .setParameter(1, from)
                .setParameter(2, (int) (to.toEpochDay() - from.toEpochDay()));
        if (eventId != null) {
            query.setParameter(3, eventId);
        }
        return rows(query).stream()
                .map(r -> new AnalyticsDay(date(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4]),
                        number(r[5]), number(r[6]), number(r[7])))
                .toList();
    }

    /** Events with figures on or after {@code since}, or on sale at {@code now}; soonest first. */
    public List<AnalyticsEvent> activeEvents(LocalDate since, Instant now) {
        return rows(em.createNativeQuery(EVENT_FIGURES + """
                        where exists (select 1 from event_daily_stats d where d.event_id = e.id and d.day >= ?1)
                           or (e.status = 'PUBLISHED' and e.start_time > ?2)
                        order by e.start_time, e.id""")
                .setParameter(1, since)
                .setParameter(2, now))
                .stream().map(AnalyticsQueries::event).toList();
    }

    public AnalyticsEvent event(long eventId) {
        return rows(em.createNativeQuery(EVENT_FIGURES + " where e.id = ?1").setParameter(1, eventId))
                .stream().map(AnalyticsQueries::event).findFirst().orElse(null);
    }

    private static AnalyticsEvent event(Object[] r) {
        int capacity = (int) number(r[4]);
        long seatsSold = number(r[5]);
        return new AnalyticsEvent(number(r[0]), (String) r[1], instant(r[2]), (String) r[3], capacity, seatsSold,
                AnalyticsEvent.utilisation(seatsSold, capacity), number(r[6]), number(r[7]));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    // the JDBC driver's types for date and timestamptz columns differ across Hibernate's native-query mappings
    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
