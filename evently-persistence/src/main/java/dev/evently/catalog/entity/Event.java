package dev.evently.catalog.entity;

import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@Entity
@Table(name = "events")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "events_seq")
    @SequenceGenerator(name = "events_seq", sequenceName = "events_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @Column(nullable = false, length = 200)
    private String venue;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "end_time", nullable = false)
    private Instant endTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventStatus status;

    @Column(name = "total_capacity", nullable = false)
    private int totalCapacity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Event() {
    }

    public Event(String name, String description, String venue, Instant startTime, Instant endTime, Instant now) {
        describe(name, description, venue, startTime, endTime);
        this.status = EventStatus.DRAFT;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    /** Changes what the event is and when; a cancelled event is history and stays as it was. */
    public void revise(String name, String description, String venue, Instant startTime, Instant endTime) {
        if (status == EventStatus.CANCELLED) {
            throw new ConflictException("event-cancelled", "event " + id + " is cancelled and cannot be changed");
        }
        describe(name, description, venue, startTime, endTime);
    }

    private void describe(String name, String description, String venue, Instant startTime, Instant endTime) {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (!endTime.isAfter(startTime)) {
            throw new InvalidRequestException("endTime", "an event must end after it starts");
        }
        this.name = Objects.requireNonNull(name, "name").strip();
        this.description = description;
        this.venue = Objects.requireNonNull(venue, "venue").strip();
        this.startTime = startTime;
        this.endTime = endTime;
    }

    /**
     * Generates the seat map, once, while the event is a draft: after publication people hold
     * seats by id, so regenerating would pull seats from under them.
     * The caller persists the returned seats.
     */
    public List<Seat> layOutSeats(SeatLayout layout) {
        Objects.requireNonNull(layout, "layout");
        requireDraft();
        if (totalCapacity > 0) {
            throw new ConflictException("seat-map-exists", "event " + id + " already has a seat map");
        }
        return generateSeats(layout);
    }

    /**
     * Replaces the seat map while nothing is sold: no seat held or booked, so no one loses a seat. The
     * caller removes the old seats and persists the returned ones.
     */
    public List<Seat> replaceSeatMap(SeatLayout layout, long seatsHeldOrBooked) {
        Objects.requireNonNull(layout, "layout");
        if (status == EventStatus.CANCELLED) {
            throw new ConflictException("event-cancelled", "event " + id + " is cancelled and cannot be changed");
        }
        if (seatsHeldOrBooked > 0) {
            throw new ConflictException("seats-sold",
                    "the seat map can change only while no seat is held or booked; " + seatsHeldOrBooked + " are");
        }
        return generateSeats(layout);
    }

    private List<Seat> generateSeats(SeatLayout layout) {
        var seats = new ArrayList<Seat>(layout.capacity());
        for (SeatLayout.Section section : layout.sections()) {
            for (int row = 1; row <= section.rows(); row++) {
                String rowLabel = rowLabel(row);
                for (int number = 1; number <= section.seatsPerRow(); number++) {
                    seats.add(new Seat(this, section.name(), rowLabel, number, section.priceCents()));
                }
            }
        }
        this.totalCapacity = seats.size();
        return seats;
    }

    /** Spreadsheet-style row labels: 1 → A, 26 → Z, 27 → AA, 28 → AB, 703 → AAA. */
    static String rowLabel(int row) {
        if (row < 1) {
            throw new IllegalArgumentException("rows count from 1: " + row);
        }
        var label = new StringBuilder();
        for (int n = row; n > 0; n = (n - 1) / 26) {
            label.append((char) ('A' + (n - 1) % 26));
        }
        return label.reverse().toString();
    }

    public void publish() {
        requireDraft();
        if (totalCapacity == 0) {
            throw new ConflictException("event-has-no-seats", "event " + id + " needs a seat map before it can be published");
        }
        status = EventStatus.PUBLISHED;
    }

    public void cancel() {
        if (status == EventStatus.CANCELLED) {
            throw new ConflictException("event-cancelled", "event " + id + " is already cancelled");
        }
        status = EventStatus.CANCELLED;
    }

    /** Sales close when the doors open. */
    public boolean isOnSale(Instant now) {
        return status == EventStatus.PUBLISHED && now.isBefore(startTime);
    }

    public void requireOnSale(Instant now) {
        if (!isOnSale(now)) {
            throw new ConflictException("event-not-on-sale", "event " + id + " is not on sale");
        }
    }

    private void requireDraft() {
        if (status != EventStatus.DRAFT) {
            throw new ConflictException("event-not-draft", "event " + id + " is " + status + ", not DRAFT");
        }
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getVenue() {
        return venue;
    }

    public Instant getStartTime() {
        return startTime;
    }

    public Instant getEndTime() {
        return endTime;
    }

    public EventStatus getStatus() {
        return status;
    }

    public int getTotalCapacity() {
        return totalCapacity;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
