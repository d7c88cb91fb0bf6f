package dev.evently.console.events;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The event's own fields as the admin types them, times on the console's clock ({@link
 * dev.evently.console.platform.Times}), and the first thing wrong with them as a sentence. The limits are the REST
 * API's (evently-web EventRequests).
 */
public class EventForm implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MAX_NAME = 200;
    static final int MAX_VENUE = 200;
    static final int MAX_DESCRIPTION = 5000;

    private String name;
    private String description;
    private String venue;
    private LocalDateTime start;
    private LocalDateTime end;

    /** Shows the fields of an event as it is, in the zone. */
    void show(String name, String description, String venue, Instant startTime, Instant endTime, ZoneId zone) {
        this.name = name;
        this.description = description;
        this.venue = venue;
        this.start = local(startTime, zone);
        this.end = local(endTime, zone);
    }

    /**
     * The first thing wrong with the fields, as a sentence; null when they are fine.
     *
     * @param isNew a new event must start in the future (the catalogue checks this only for new events)
     */
    String problem(boolean isNew, Clock clock) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            return "The event needs a name of 1 to " + MAX_NAME + " characters.";
        }
        if (venue == null || venue.isBlank() || venue.strip().length() > MAX_VENUE) {
            return "The event needs a venue of 1 to " + MAX_VENUE + " characters.";
        }
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            return "The description can be at most " + MAX_DESCRIPTION + " characters long.";
        }
        if (start == null || end == null) {
            return "The event needs a start and an end.";
        }
        if (!end.isAfter(start)) {
            return "The end must be after the start.";
        }
        if (isNew && !start.atZone(clock.getZone()).toInstant().isAfter(clock.instant())) {
            return "The start must be in the future.";
        }
        return null;
    }

    /** The fields as the catalogue takes them; {@code was} keeps the times the admin left alone as they were. */
    EventFields fields(EventFields was, ZoneId zone, String layout) {
        String text = description == null || description.isBlank() ? null : description.strip();
        return new EventFields(name.strip(), text, venue.strip(), instant(start, was == null ? null : was.startTime(),
                zone), instant(end, was == null ? null : was.endTime(), zone), layout);
    }

    /**
     * The time typed as an instant in the zone. The page shows times to the minute; an event made through the API
     * may start at 19:30:27, and a time the admin left alone keeps its seconds.
     */
    static Instant instant(LocalDateTime typed, Instant was, ZoneId zone) {
        if (was != null && typed.equals(local(was, zone).truncatedTo(ChronoUnit.MINUTES))) {
            return was;
        }
        return typed.atZone(zone).toInstant();
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public void setStart(LocalDateTime start) {
        this.start = start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public void setEnd(LocalDateTime end) {
        this.end = end;
    }
}
