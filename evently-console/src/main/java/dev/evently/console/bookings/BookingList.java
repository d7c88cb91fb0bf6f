package dev.evently.console.bookings;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.booking.boundary.BookingSearch;
import dev.evently.booking.boundary.StaffBookingRow;
import dev.evently.booking.control.SearchTerm;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.catalog.boundary.EventOverview;
import dev.evently.catalog.boundary.Events;
import dev.evently.console.access.ConsoleSession;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Pages;
import dev.evently.console.platform.Times;
import dev.evently.platform.errors.BusinessException;

/**
 * The bookings page: one search box ({@link BookingSearch} reads what it is), an event and a status to narrow it,
 * the newest {@value #MAX} matches, and the same list as CSV. The search is also the page's address
 * ({@code bookings.xhtml?q=…&event=…&status=…}), so a search can be linked to, and {@code &format=csv} downloads
 * it: the export is a plain GET that the page's filter and role check guard like the page itself.
 */
@Named
@ViewScoped
public class BookingList implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BookingList.class.getName());

    /** More than a person reads; the search box finds the rest. The export has the same cap. */
    static final int MAX = 200;
    /** Events offered in the event filter: those not yet over, soonest first. */
    static final int EVENTS = 200;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    @Inject
    BookingSearch bookingSearch;

    @Inject
    Events catalog;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions staffActions;

    @Inject
    Times times;

    private String q;
    private Long event;
    private String status;
    private String format;
    private boolean searched;
    private StaffBookingRow.Found found = new StaffBookingRow.Found(List.of(), false);
    private List<SelectItem> eventItems;

    /** On opening the page: a search its address asks for, or its CSV. */
    public void open() {
        if ("csv".equals(format)) {
            export();
        } else if (!blank(q) || event != null || !blank(status)) {
            search();
        }
    }

    public void search() {
        searched = false;
        found = new StaffBookingRow.Found(List.of(), false);
        if (q != null && q.strip().length() > SearchTerm.MAX_LENGTH) {
            Pages.say(FacesMessage.SEVERITY_WARN, "That search is too long: at most " + SearchTerm.MAX_LENGTH
                    + " characters.");
            return;
        }
        try {
            found = bookingSearch.find(q, event, blank(status) ? null : status, MAX);
            searched = true;
        } catch (RuntimeException e) {
            Throwable failure = EjbFailures.unwrap(e);
            if (failure instanceof BusinessException) {
                Pages.say(FacesMessage.SEVERITY_WARN, "That search cannot be run: check the status and the event.");
            } else {
                LOG.log(Level.WARNING, "a booking search failed", e);
                Pages.say(FacesMessage.SEVERITY_ERROR, "The search failed. Try again in a moment.");
            }
        }
    }

    /** Writes the search's rows as CSV in place of the page; on a failed search, the page with its message. */
    private void export() {
        search();
        if (!searched) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseCharacterEncoding("UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"bookings-"
                + FILE_TIME.format(times.clock().instant().atZone(times.clock().getZone())) + ".csv\"");
        try {
            Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
            BookingsCsv.write(found.rows(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the bookings CSV", e);
        }
        faces.responseComplete();
        staffActions.bookingsExported(session.actor(), q, found.rows().size());
    }

    /** The address of this search's CSV. */
    public String getExportUrl() {
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext()
                .getRequestContextPath()).append("/bookings.xhtml?format=csv");
        if (!blank(q)) {
            url.append("&q=").append(URLEncoder.encode(q.strip(), StandardCharsets.UTF_8));
        }
        if (event != null) {
            url.append("&event=").append(event);
        }
        if (!blank(status)) {
            url.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** The event filter's choices; an event the address named that is over (or beyond the first) is added. */
    public List<SelectItem> getEventItems() {
        if (eventItems == null) {
            List<SelectItem> items = new ArrayList<>();
            List<EventOverview> upcoming = catalog.forStaff(null, EVENTS);
            for (EventOverview e : upcoming) {
                items.add(new SelectItem(e.id(), e.name() + " · " + times.dateTime(e.startTime())));
            }
            if (event != null && upcoming.stream().noneMatch(e -> e.id() == event)) {
                items.add(0, new SelectItem(event, "Event " + event));
            }
            eventItems = items;
        }
        return eventItems;
    }

    public List<String> getStatuses() {
        return Arrays.stream(BookingStatus.values()).map(Enum::name).toList();
    }

    public String statusLabel(String name) {
        return BookingDetail.statusLabel(name);
    }


    public List<StaffBookingRow> getRows() {
        return found.rows();
    }

    public boolean isCapped() {
        return found.capped();
    }

    /** Whether a search ran, so the table says "No bookings match" rather than nothing. */
    public boolean isSearched() {
        return searched;
    }

    public int getMax() {
        return MAX;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Long getEvent() {
        return event;
    }

    public void setEvent(Long event) {
        this.event = event;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }
}
