package dev.evently.console.events;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.catalog.boundary.EventDetails;
import dev.evently.catalog.boundary.EventDraft;
import dev.evently.catalog.boundary.EventLayouts;
import dev.evently.catalog.boundary.EventLayouts.EventLayout;
import dev.evently.catalog.boundary.Events;
import dev.evently.catalog.entity.SeatLayout;
import dev.evently.console.access.ConsoleSession;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Pages;
import dev.evently.console.platform.Times;

/**
 * The event page: a new event without {@code ?id=}, event N with {@code ?id=N}. Its fields, its layout (sections
 * typed in {@link LayoutRows}, looked at through {@link LayoutPreview} before saving), and the buttons to publish
 * and cancel it. An edit quotes the version loaded, so that a change made meanwhile by someone else is refused
 * rather than overwritten, and sends a layout only when the admin changed it: an unchanged layout keeps the seat
 * map, and with it the seats people hold. Kept for the view, so the version and the layout loaded stay with it.
 */
@Named
@ViewScoped
public class EventEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(EventEditor.class.getName());

    @Inject
    Events events;

    @Inject
    EventLayouts layouts;

    @Inject
    Times times;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions staffActions;

    private String id;
    private Long eventId;
    private boolean missing;
    private EventDetails loaded;
    private List<SeatLayout.Section> loadedLayout;
    private long held;
    private long booked;
    private long taken;

    private final EventForm form = new EventForm();
    private final LayoutRows layout = new LayoutRows();
    private LayoutPreview preview;

    /** The view action: reads event {@code id}, or starts a new one with one empty section. */
    public void load() {
        if (id == null || id.isBlank()) {
            layout.add();
            return;
        }
        try {
            eventId = Long.valueOf(id.strip());
            show(events.adminDetails(eventId));
        } catch (NumberFormatException e) {
            missing = true;
            Pages.say(FacesMessage.SEVERITY_ERROR, "There is no such event.");
        } catch (RuntimeException e) {
            missing = true;
            failed("open this event", e);
        }
    }

    private void show(EventDetails details) {
        loaded = details;
        eventId = details.id();
        form.show(details.name(), details.description(), details.venue(), details.startTime(), details.endTime(),
                times.clock().getZone());
        EventLayout seats = layouts.layoutOf(details.id());
        loadedLayout = seats.sections();
        held = seats.held();
        booked = seats.booked();
        taken = seats.taken();
        layout.show(loadedLayout);
        preview = loadedLayout.isEmpty() ? null : LayoutPreview.of(loadedLayout);
    }

    public void addSection() {
        layout.add();
    }

    public void removeSection(int index) {
        layout.remove(index);
    }

    /** Draws the seat map the sections typed would generate; saves nothing. */
    public void showPreview() {
        LayoutRows.Parsed parsed = layout.parse();
        if (!parsed.ok()) {
            preview = null;
            Pages.say(FacesMessage.SEVERITY_ERROR, parsed.problem());
            return;
        }
        preview = LayoutPreview.of(parsed.sections());
    }

    /** Creates the event (then opens it by its id) or saves the changes to it. */
    public String save() {
        if (!session.isAdmin() || missing) {
            return null;
        }
        String problem = form.problem(eventId == null, times.clock());
        LayoutRows.Parsed parsed = layout.parse();
        if (problem == null && !parsed.ok()) {
            problem = parsed.problem();
        }
        if (problem != null) {
            Pages.say(FacesMessage.SEVERITY_ERROR, problem);
            return null;
        }
        boolean layoutChanged = eventId == null || !parsed.sections().equals(loadedLayout);
        SeatLayout seatLayout = layoutChanged ? parsed.layout() : null;
        EventFields before = loaded == null ? null : new EventFields(loaded.name(), loaded.description(),
                loaded.venue(), loaded.startTime(), loaded.endTime(), EventFields.layout(loadedLayout));
        EventFields after = form.fields(before, times.clock().getZone(), EventFields.layout(parsed.sections()));
        if (eventId == null) {
            EventDetails created = attempt("create the event", () -> events.create(new EventDraft(after.name(),
                    after.description(), after.venue(), after.startTime(), after.endTime(), seatLayout, null)));
            if (created == null) {
                return null;
            }
            staffActions.eventCreated(session.actor(), created.id(), after.all());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            Pages.say(FacesMessage.SEVERITY_INFO, "Event created as a draft: publish it to put it on sale.");
            return "/event.xhtml?faces-redirect=true&id=" + created.id();
        }
        EventDetails updated = attempt("save the event", () -> events.update(eventId, new EventDraft(after.name(),
                after.description(), after.venue(), after.startTime(), after.endTime(), seatLayout,
                loaded.version())));
        if (updated == null) {
            return null;
        }
        List<Map<String, Object>> changes = EventFields.changes(before, after);
        if (!changes.get(1).isEmpty()) {
            staffActions.eventUpdated(session.actor(), eventId, changes.get(0), changes.get(1));
        }
        show(updated);
        Pages.say(FacesMessage.SEVERITY_INFO, layoutChanged ? "Saved, with the new seat map." : "Saved.");
        return null;
    }

    /** Puts a draft on sale. */
    public void publish() {
        if (!session.isAdmin() || loaded == null) {
            return;
        }
        EventDetails published = attempt("publish the event", () -> events.publish(eventId));
        if (published != null) {
            staffActions.eventPublished(session.actor(), eventId, published.name());
            show(published);
            Pages.say(FacesMessage.SEVERITY_INFO, "Published: the event is on sale.");
        }
    }

    /** Cancels the event; its bookings and tickets stay as history and their holders are told. */
    public void cancel() {
        if (!session.isAdmin() || loaded == null) {
            return;
        }
        String statusBefore = loaded.status();
        EventDetails cancelled = attempt("cancel the event", () -> events.cancel(eventId));
        if (cancelled != null) {
            staffActions.eventCancelled(session.actor(), eventId, cancelled.name(), statusBefore);
            show(cancelled);
            Pages.say(FacesMessage.SEVERITY_INFO, "Cancelled: ticket holders will be told.");
        }
    }

    private <T> T attempt(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            failed(doing, e);
            return null;
        }
    }

    private void failed(String doing, RuntimeException e) {
        String sentence = Refusals.sentence(EjbFailures.unwrap(e));
        if (sentence == null) {
            LOG.log(Level.WARNING, "could not " + doing + " (event " + eventId + ")", e);
            sentence = "Could not " + doing + ": please try again in a moment.";
        }
        Pages.say(FacesMessage.SEVERITY_ERROR, sentence);
    }

    public boolean isNewEvent() {
        return eventId == null;
    }

    public boolean isMissing() {
        return missing;
    }

    /** The event as last loaded or saved; null for a new one. */
    public EventDetails getEvent() {
        return loaded;
    }

    /** The status as the page shows it: "Draft", "Published", "Cancelled". */
    public String getStatusLabel() {
        if (loaded == null) {
            return "";
        }
        String status = loaded.status().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    public boolean isDraft() {
        return loaded != null && "DRAFT".equals(loaded.status());
    }

    public boolean isCancelled() {
        return loaded != null && "CANCELLED".equals(loaded.status());
    }

    public long getHeld() {
        return held;
    }

    public long getBooked() {
        return booked;
    }

    /** Seats that keep the layout as it is: held, sold, or ever named by a booking. */
    public long getTaken() {
        return taken;
    }

    /** The zone the start and end are typed in, e.g. "Europe/Vienna". */
    public String getZone() {
        return times.clock().getZone().getId();
    }

    public LayoutRows getLayout() {
        return layout;
    }

    public LayoutPreview getPreview() {
        return preview;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public EventForm getForm() {
        return form;
    }
}
