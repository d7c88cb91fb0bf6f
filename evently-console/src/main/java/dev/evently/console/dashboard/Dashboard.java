package dev.evently.console.dashboard;

import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


import dev.evently.console.platform.Money;
import dev.evently.analytics.boundary.Analytics;
import dev.evently.analytics.boundary.AnalyticsDay;
import dev.evently.analytics.boundary.LiveEvent;
import dev.evently.analytics.boundary.LiveEventSales;
import dev.evently.analytics.boundary.LiveFigures;
import dev.evently.analytics.boundary.LiveOverview;
import dev.evently.analytics.boundary.LiveSales;
import dev.evently.console.platform.EjbFailures;

/**
 * The sales dashboard, for one event ({@code ?event=N}) or for all events not yet ended. The figures are read
 * live from the tables every second (the page polls {@link #refresh}), so a booking shows as soon as it is
 * committed; the charts come from the daily analytics figures, which may lag, and are redrawn less often
 * ({@link #refreshCharts}). A read that fails keeps the last figures on screen under a plain sentence, and the
 * next poll tries again.
 */
@Named
@ViewScoped
public class Dashboard implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Dashboard.class.getName());

    /** Days the charts cover, today included. */
    static final int DAYS = 14;
    /** Events the overall table lists; the totals count them all, and the search finds the rest. */
    static final int MAX_EVENTS = 200;
    static final int MAX_SEARCH = 200;

    @Inject
    LiveSales liveSales;

    @Inject
    Analytics analytics;

    @Inject
    Money money;

    private String eventParameter;
    private Long eventId;
    private boolean unknownEvent;
    private String search;

    private LiveEventSales event;
    private LiveOverview overview;
    private String seatsSoldChart;
    private String revenueChart;
    private String problem;
    private String chartProblem;

    /** On opening the page: which dashboard it is, then its figures and charts. */
    public void open() {
        if (eventParameter != null) {
            eventId = EventParameter.parse(eventParameter);
            if (eventId == null) {
                unknownEvent = true;
                return;
            }
        }
        refresh();
        refreshCharts();
    }

    /** The live figures again: the poll's work, every second. */
    public void refresh() {
        if (unknownEvent) {
            return;
        }
        try {
            if (eventId == null) {
                overview = liveSales.overview(search, MAX_EVENTS);
            } else {
                event = liveSales.event(eventId).orElse(null);
                unknownEvent = event == null;
            }
            problem = null;
        } catch (RuntimeException e) {
            if (problem == null) {
                // once per failure, not once a second while the database is away
                LOG.log(Level.WARNING, "could not read the live sales figures", EjbFailures.unwrap(e));
            }
            problem = "The figures could not be read just now; the page keeps trying.";
        }
    }

    /** The daily charts again, every few seconds: they come through the broker and move more slowly. */
    public void refreshCharts() {
        if (unknownEvent) {
            return;
        }
        try {
            List<AnalyticsDay> days = eventId == null ? analytics.summary(DAYS).daily()
                    : analytics.event(eventId, DAYS).daily();
            seatsSoldChart = SalesCharts.seatsSoldPerDay(days);
            revenueChart = SalesCharts.revenuePerDay(days, money.getCurrency());
            chartProblem = null;
        } catch (RuntimeException e) {
            if (chartProblem == null) {
                LOG.log(Level.WARNING, "could not read the daily sales figures", EjbFailures.unwrap(e));
            }
            chartProblem = "The charts could not be read just now; the page keeps trying.";
        }
    }

    public void find() {
        if (search != null && search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
        refresh();
    }

    /** The figures on the cards: the event's, or the totals of all events not yet ended. */
    public LiveFigures getFigures() {
        if (eventId != null) {
            return event == null ? LiveFigures.NONE : event.event().figures();
        }
        return overview == null ? LiveFigures.NONE : overview.totals();
    }

    public boolean isOverall() {
        return eventId == null && !unknownEvent;
    }

    public boolean isUnknownEvent() {
        return unknownEvent;
    }

    public LiveEvent getEvent() {
        return event == null ? null : event.event();
    }

    public LiveEventSales getSales() {
        return event;
    }

    public List<LiveEvent> getEvents() {
        return overview == null ? List.of() : overview.events();
    }

    public long getEventCount() {
        return overview == null ? 0 : overview.eventCount();
    }

    /** Whether the overall table may leave out events (the totals never do). */
    public boolean isCapped() {
        return getEvents().size() >= MAX_EVENTS;
    }

    public int getMaxEvents() {
        return MAX_EVENTS;
    }

    /** Whether nothing was ever sold or held: the page says so instead of showing rows of zeros. */
    public boolean isNoSales() {
        LiveFigures f = getFigures();
        return f.seatsSold() == 0 && f.seatsHeld() == 0 && f.refunds() == 0;
    }

    public String getCapacityChart() {
        return event == null || event.sections().isEmpty() ? null : SalesCharts.capacityBySection(event.sections());
    }

    public String money(long cents) {
        return money.format(cents);
    }

    public String getSeatsSoldChart() {
        return seatsSoldChart;
    }

    public String getRevenueChart() {
        return revenueChart;
    }

    public String getProblem() {
        return problem;
    }

    public String getChartProblem() {
        return chartProblem;
    }

    public int getDays() {
        return DAYS;
    }

    public String getEventParameter() {
        return eventParameter;
    }

    public void setEventParameter(String eventParameter) {
        this.eventParameter = eventParameter;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
