package dev.evently.console.seats;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.PrimeFaces;

import dev.evently.console.platform.Money;
import dev.evently.booking.boundary.SeatStatuses;
import dev.evently.booking.boundary.SeatStatuses.SeatBooking;
import dev.evently.booking.boundary.SeatStatuses.StaffSeat;
import dev.evently.booking.boundary.SeatStatuses.Status;
import dev.evently.booking.entity.Booking;
import dev.evently.catalog.boundary.Events;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Pages;
import dev.evently.platform.errors.NotFoundException;

/**
 * The seat map page: an event's seats by section and row, coloured by status. The page asks every second whether
 * any seat changed ({@link SeatStatuses#version}, read from the database, so bookings made through another server
 * instance show too) and redraws the map only when one did. A click on a taken seat shows its booking; a click on
 * an available one selects it for the box office's next sale ({@link BoxOffice}).
 */
@Named
@ViewScoped
public class SeatMap implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SeatMap.class.getName());

    /** Seats drawn at most: a map beyond this many is too large to read on one screen, or to send every change. */
    static final int MAX_SHOWN = 5_000;

    /**
     * Polls keep the HTTP session alive: without a click for this long the map stops updating, so an unattended
     * page does not keep a signed-in session open forever (the session's own idle end then applies).
     */
    static final java.time.Duration IDLE = java.time.Duration.ofMinutes(30);

    /** What a change redraws; the sale form keeps what is typed in it. */
    private static final String[] REDRAWN = {"seats:map", "seats:legend", "seats:selection", "seats:detail"};

    @Inject
    SeatStatuses statuses;

    @Inject
    Events events;

    @Inject
    Money money;

    private String eventParam;
    private EventHeader event;
    private SeatGrid grid = SeatGrid.empty();
    private String version;
    private final Selection selection = new Selection(Booking.MAX_SEATS);
    private Long shownSeatId;
    private SeatBooking shown;
    private Instant lastAction = Instant.now();

    /** On opening the page: the event named by {@code ?event=}, and its seats. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        Long id = SeatIds.parse(eventParam);
        if (id == null) {
            return;
        }
        try {
            event = EventHeader.of(events.adminDetails(id));
        } catch (RuntimeException e) {
            if (!(EjbFailures.unwrap(e) instanceof NotFoundException)) {
                LOG.log(Level.WARNING, "could not read event " + id + " for its seat map", e);
                Pages.say(FacesMessage.SEVERITY_ERROR, "The event could not be read just now: reload the page.");
            }
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            // the page still polls: the map appears once the seats can be read
            LOG.log(Level.WARNING, "could not read the seats of event " + id, e);
            Pages.say(FacesMessage.SEVERITY_ERROR, "The seats could not be read just now: the map appears as soon"
                    + " as they can be.");
        }
    }

    /** Every second: redraws the map when a seat changed since it was drawn. */
    public void poll() {
        if (event == null) {
            return;
        }
        if (isIdle()) {
            PrimeFaces.current().ajax().update("seats:paused");
            return;
        }
        try {
            if (!statuses.version(event.id()).equals(version)) {
                List<Long> gone = refresh();
                PrimeFaces.current().ajax().update(REDRAWN);
                if (!gone.isEmpty()) {
                    Pages.say(FacesMessage.SEVERITY_WARN, labels(gone) + (gone.size() == 1
                            ? " was just taken and is no longer selected." : " were just taken and are no longer selected."));
                    PrimeFaces.current().ajax().update("seats:messages");
                }
            }
        } catch (RuntimeException e) {
            // the map stays as drawn; the next poll asks again
            LOG.log(Level.FINE, "could not ask whether the seats of event " + event.id() + " changed", e);
        }
    }

    /**
     * Reads the seats again (the version first: a change in between is caught by the next poll); returns the
     * selected seats taken meanwhile, which are no longer selected.
     */
    public List<Long> refresh() {
        String read = statuses.version(event.id());
        grid = SeatGrid.of(statuses.of(event.id(), MAX_SHOWN));
        version = read;  // only once the seats are read: a failed read is tried again by the next poll
        if (shownSeatId != null) {
            shown = statuses.bookingOf(event.id(), shownSeatId).orElse(null);
        }
        return selection.keepAvailable(grid);
    }

    /** A seat clicked (its id in the request's {@code seat} parameter). */
    public void click() {
        touched();
        Long id = SeatIds.parse(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("seat"));
        StaffSeat seat = id == null || event == null ? null : grid.seat(id);
        if (seat == null) {
            return;
        }
        if (seat.status() != Status.AVAILABLE && !selection.contains(id)) {
            shownSeatId = id;
            try {
                shown = statuses.bookingOf(event.id(), id).orElse(null);
                if (shown == null) {
                    refresh();  // released since the map was drawn
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not read the booking of seat " + id, e);
                Pages.say(FacesMessage.SEVERITY_ERROR, "The seat's booking could not be read just now: try again.");
            }
            return;
        }
        shownSeatId = null;
        shown = null;
        switch (selection.toggle(seat, isOnSale())) {
            case NOT_ON_SALE -> Pages.say(FacesMessage.SEVERITY_WARN, "This event is not on sale: its seats cannot"
                    + " be sold.");
            case FULL -> Pages.say(FacesMessage.SEVERITY_WARN, "One sale takes at most " + selection.max()
                    + " seats: sell these first.");
            default -> {
            }
        }
    }

    /** Someone used the page: the map keeps updating for another {@link #IDLE}. */
    public void touched() {
        lastAction = Instant.now();
    }

    /** Whether the page has gone unused so long that it stopped updating (a reload starts it again). */
    public boolean isIdle() {
        return Instant.now().isAfter(lastAction.plus(IDLE));
    }

    /** Whether seats can be sold: published and not yet begun (the hold checks again). */
    public boolean isOnSale() {
        return event != null && event.onSale(Instant.now());
    }

    /** The seats' labels, e.g. "Floor A-1, Floor A-2", for messages. */
    public String labels(List<Long> seatIds) {
        return String.join(", ", seatIds.stream()
                .map(seatId -> grid.seat(seatId) == null ? "Seat " + seatId : grid.seat(seatId).label())
                .toList());
    }

    public String cssClass(StaffSeat seat) {
        return SeatLooks.cssClass(seat.status(), selection.contains(seat.id()));
    }

    public String describe(StaffSeat seat) {
        return SeatLooks.describe(seat.label(), price(seat.priceCents()), seat.status(), selection.contains(seat.id()));
    }

    public boolean selected(StaffSeat seat) {
        return selection.contains(seat.id());
    }

    public String statusLabel(Status status) {
        return SeatLooks.label(status);
    }

    public String price(long cents) {
        return money.format(cents);
    }

    /** The legend's swatch of a status. */
    public String keyClass(Status status) {
        return SeatLooks.cssClass(status, false) + " seats-swatch";
    }

    public int getMaxSelected() {
        return selection.max();
    }

    /** The selected seats, in the order picked. */
    public List<StaffSeat> getSelectedSeats() {
        return selection.seatIds().stream().map(grid::seat).filter(java.util.Objects::nonNull).toList();
    }

    public String getSelectedTotal() {
        return price(getSelectedSeats().stream().mapToLong(StaffSeat::priceCents).sum());
    }

    public List<Status> getStatuses() {
        return List.of(Status.values());
    }

    public String getEventParam() {
        return eventParam;
    }

    public void setEventParam(String eventParam) {
        this.eventParam = eventParam;
    }

    /** The event, or null when the page names none (or none that exists). */
    public EventHeader getEvent() {
        return event;
    }

    public SeatGrid getGrid() {
        return grid;
    }

    /** Whether the event has more seats than the map draws. */
    public boolean isCapped() {
        return event != null && event.totalCapacity() > grid.size() && grid.size() >= MAX_SHOWN;
    }

    public long getIdleMinutes() {
        return IDLE.toMinutes();
    }

    public int getMaxShown() {
        return MAX_SHOWN;
    }

    /** The booking of the taken seat last clicked, or null. */
    public SeatBooking getShown() {
        return shown;
    }

    /** The seats picked for the next sale (public: the sale form reaches it through this bean's proxy). */
    public Selection selection() {
        return selection;
    }
}
