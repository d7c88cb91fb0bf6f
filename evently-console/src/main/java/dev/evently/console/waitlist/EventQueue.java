package dev.evently.console.waitlist;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.waitlist.boundary.StaffWaitlists;
import dev.evently.waitlist.entity.WaitlistStatus;

/**
 * The waitlist page: one event's queue in join order, who waits and where each offer stands, with a count per
 * status. The event comes from the address ({@code ?event=42}); anything that is not an event's id shows as "no
 * such event", never as an error. Kept for the view, so paging does not ask the database again; a reload does.
 */
@Named
@ViewScoped
public class EventQueue implements Serializable {

    private static final long serialVersionUID = 1L;

    /** More than anyone reads on a page; the counts still cover every entry. */
    static final int MOST = 500;

    /** One entry as the page shows it. */
    public record Row(long id, Integer position, String email, String name, int seatsWanted, String status,
                      Instant joinedAt, Long offerBookingId, Instant offeredUntil) implements Serializable {

        static Row of(StaffWaitlists.Entry entry) {
            return new Row(entry.id(), entry.position(), entry.email(), entry.name(), entry.seatsWanted(),
                    label(entry.status()), entry.joinedAt(), entry.offerBookingId(), entry.offeredUntil());
        }
    }

    /** How many entries have a status, as staff call it. */
    public record Count(String status, long entries) implements Serializable {
    }

    @Inject
    StaffWaitlists waitlists;

    private String event;
    private boolean found;
    private String eventName;
    private List<Row> rows = List.of();
    private List<Count> counts = List.of();
    private long total;

    /** Reads the event's queue, on the page's first request (its view action). */
    public void load() {
        Long id = eventId(event);
        found = false;
        if (id == null) {
            return;
        }
        waitlists.forEvent(id, MOST).ifPresent(waitlist -> {
            found = true;
            eventName = waitlist.eventName();
            rows = waitlist.entries().stream().map(Row::of).toList();
            List<Count> byStatus = new ArrayList<>();
            for (Map.Entry<WaitlistStatus, Long> count : waitlist.counts().entrySet()) {
                byStatus.add(new Count(label(count.getKey().name()), count.getValue()));
            }
            counts = byStatus;
            total = waitlist.total();
        });
    }

    /** The event's id from the address, or null when it is not one: missing, not a number, out of range. */
    static Long eventId(String parameter) {
        if (parameter == null || parameter.isEmpty() || parameter.length() > 18 || !parameter.matches("[0-9]+")) {
            return null;
        }
        long id = Long.parseLong(parameter);
        return id > 0 ? id : null;
    }

    /**
     * A status as staff say it: an offer that was paid for is "accepted" (the entity calls it converted); the
     * others by their own names.
     */
    static String label(String status) {
        return status.equals(WaitlistStatus.CONVERTED.name()) ? "accepted" : status.toLowerCase(java.util.Locale.ROOT);
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    /** Whether the address names an event that exists. */
    public boolean isFound() {
        return found;
    }

    public String getEventName() {
        return eventName;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Count> getCounts() {
        return counts;
    }

    public long getTotal() {
        return total;
    }

    /** Whether the event has more entries than listed. */
    public boolean isCapped() {
        return total > rows.size();
    }

    public int getMost() {
        return MOST;
    }
}
