package dev.evently.analytics.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import dev.evently.analytics.control.LiveSalesQueries;

/**
 * The staff dashboard's live figures, read straight from the seats, bookings, refunds and waitlist tables. The
 * daily figures ({@link Analytics}) come through the broker and may lag by seconds; a dashboard that staff watch
 * while selling must show a booking as soon as it is committed, so these few aggregates are asked each time.
 * Every read is bounded: one row per event (at most {@link #MAX_EVENTS}) or per section (at most
 * {@link #MAX_SECTIONS}).
 */
@Stateless
public class LiveSales {

    public static final int MAX_EVENTS = 500;
    public static final int MAX_SECTIONS = 200;
    static final int MAX_SEARCH = 200;

    @Inject
    LiveSalesQueries queries;

    Clock clock = Clock.systemUTC();

    /** One event (in any status, ended or not) and its sections; empty when there is no such event. */
    public Optional<LiveEventSales> event(long eventId) {
        return queries.event(eventId)
                .map(event -> new LiveEventSales(event, queries.sections(eventId, MAX_SECTIONS)));
    }

    /**
     * Events not yet ended: the totals over all of them, and those whose name contains {@code nameContains}
     * (ignoring case; all for none), soonest first, at most {@code max} (capped at {@link #MAX_EVENTS}).
     */
    public LiveOverview overview(String nameContains, int max) {
        String search = nameContains == null || nameContains.isBlank() ? null
                : nameContains.strip().substring(0, Math.min(nameContains.strip().length(), MAX_SEARCH));
        int limit = Math.max(1, Math.min(max, MAX_EVENTS));
        Instant now = clock.instant();
        List<LiveEvent> events = queries.notEnded(search, now, limit);
        LiveOverview totals = queries.totals(now);
        return new LiveOverview(totals.totals(), totals.eventCount(), events);
    }
}
