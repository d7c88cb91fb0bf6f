package dev.evently.analytics.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.analytics.control.AnalyticsQueries;
import dev.evently.analytics.control.DailyChange;
import dev.evently.outbox.event.OutgoingBatch;
import dev.evently.platform.errors.NotFoundException;

/**
 * Sales analytics: each domain event is added to its event's row of the day (UTC) once, as the outbox publishes
 * it ({@link #count}); admins read the rows summed per day and per event. The rows are only ever incremented in the
 * database ({@code on conflict ... do update}), so no count is lost to a concurrent writer.
 */
@Stateless
public class Analytics {

    private static final Logger LOG = Logger.getLogger(Analytics.class.getName());
    static final int TOP_EVENTS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    AnalyticsQueries queries;

    Clock clock = Clock.systemUTC();

    /**
     * Adds the events of an outbox batch to the figures of their events and days, in the relay's transaction: the
     * figures change exactly when the events are marked published, so each is counted once, without an inbox, and
     * a batch's events of one event and day are one update of its row. An event that cannot be counted (it names
     * no time) is logged and left out; the batch still goes.
     */
    public void count(@Observes OutgoingBatch batch) {
        Map<List<Object>, DailyChange> sums = new LinkedHashMap<>();
        for (OutgoingBatch.Outgoing event : batch.events()) {
            if (!DailyChange.counts(event.type())) {
                continue;  // not read: a batch is mostly payments and seat changes
            }
            try {
                DailyChange.of(event.type(), event.read())
                        .ifPresent(c -> sums.merge(List.of(c.eventId(), c.day()), c, DailyChange::plus));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "analytics: " + event.typeName() + " " + event.id() + " not counted: "
                        + e.getMessage());
            }
        }
        sums.values().forEach(this::add);
    }

    private void add(DailyChange c) {
        em.createNativeQuery("""
                        insert into event_daily_stats (event_id, day, bookings, seats_sold, revenue_cents,
                            cancellations, expiries, waitlist_joins, waitlist_offers)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (event_id, day) do update set
                            bookings = event_daily_stats.bookings + excluded.bookings,
                            seats_sold = event_daily_stats.seats_sold + excluded.seats_sold,
                            revenue_cents = event_daily_stats.revenue_cents + excluded.revenue_cents,
                            cancellations = event_daily_stats.cancellations + excluded.cancellations,
                            expiries = event_daily_stats.expiries + excluded.expiries,
                            waitlist_joins = event_daily_stats.waitlist_joins + excluded.waitlist_joins,
                            waitlist_offers = event_daily_stats.waitlist_offers + excluded.waitlist_offers""")
                .setParameter(1, c.eventId())
                .setParameter(2, c.day())
                .setParameter(3, c.bookings())
                .setParameter(4, c.seatsSold())
                .setParameter(5, c.revenueCents())
                .setParameter(6, c.cancellations())
                .setParameter(7, c.expiries())
                .setParameter(8, c.waitlistJoins())
                .setParameter(9, c.waitlistOffers())
                .executeUpdate();
    }

    /** The last {@code days} UTC days, today included. */
    public AnalyticsSummary summary(int days) {
        Instant now = clock.instant();
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        List<AnalyticsDay> daily = queries.daily(from, to, null);
        List<AnalyticsEvent> events = queries.activeEvents(from, now);
        List<AnalyticsEvent> top = events.stream()
                .sorted(Comparator.comparingLong(AnalyticsEvent::revenueCents).reversed()
                        .thenComparing(Comparator.comparingLong(AnalyticsEvent::seatsSold).reversed())
                        .thenComparingLong(AnalyticsEvent::eventId))
                .limit(TOP_EVENTS)
                .toList();
        return new AnalyticsSummary(days, from, to, AnalyticsTotals.of(daily), events, top, daily);
    }

    /** One event (in any status) so far, and its last {@code days} UTC days. */
    public EventAnalytics event(long eventId, int days) {
        AnalyticsEvent event = queries.event(eventId);
        if (event == null) {
            throw new NotFoundException("event-not-found", "no event " + eventId);
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        List<AnalyticsDay> daily = queries.daily(from, to, eventId);
        return new EventAnalytics(event, days, from, to, AnalyticsTotals.of(daily), daily);
    }
}
