package dev.evently.catalog.entity;

import dev.evently.booking.entity.Booking;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * One sellable place. AVAILABLE → HELD (by a pending booking) → BOOKED; held or booked seats go
 * back to AVAILABLE when their booking ends. The booking is set exactly when the seat is not available,
 * which the database checks too.
 */
@Entity
@Table(name = "seats")
public class Seat {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seats_seq")
    @SequenceGenerator(name = "seats_seq", sequenceName = "seats_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    private Event event;

    @Column(nullable = false, length = 100, updatable = false)
    private String section;

    @Column(name = "row_label", nullable = false, length = 10, updatable = false)
    private String rowLabel;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, length = 200, updatable = false)
    private String label;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SeatStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "booking_id")
    private Booking booking;

    @Version
    private long version;

    protected Seat() {
    }

    public Seat(Event event, String section, String rowLabel, int number, long priceCents) {
        if (number < 1) {
            throw new InvalidRequestException("number", "seat numbers start at 1");
        }
        if (priceCents < 0) {
            throw new InvalidRequestException("priceCents", "a seat cannot have a negative price");
        }
        this.event = Objects.requireNonNull(event, "event");
        this.section = Objects.requireNonNull(section, "section");
        this.rowLabel = Objects.requireNonNull(rowLabel, "rowLabel");
        this.number = number;
        this.label = section + " " + rowLabel + "-" + number;
        this.priceCents = priceCents;
        this.status = SeatStatus.AVAILABLE;
    }

    /** Reserves the seat for a pending booking of the same event. */
    public void hold(Booking booking) {
        Objects.requireNonNull(booking, "booking");
        if (!sameEvent(event, booking.getEvent())) {
            throw new InvalidRequestException("seatIds", "seat " + label + " belongs to another event");
        }
        if (status != SeatStatus.AVAILABLE) {
            throw new ConflictException("seat-unavailable", "seat " + label + " is not available");
        }
        this.booking = booking;
        this.status = SeatStatus.HELD;
    }

    /** Turns the hold into a sale, when its booking is paid. */
    public void book() {
        if (status != SeatStatus.HELD) {
            throw new ConflictException("seat-not-held", "seat " + label + " is " + status + ", not HELD");
        }
        status = SeatStatus.BOOKED;
    }

    /** Puts the seat back on sale after its booking is cancelled or expired. */
    public void release() {
        if (status == SeatStatus.AVAILABLE) {
            throw new ConflictException("seat-not-held", "seat " + label + " is already available");
        }
        status = SeatStatus.AVAILABLE;
        booking = null;
    }

    public boolean isAvailable() {
        return status == SeatStatus.AVAILABLE;
    }

    public boolean belongsTo(Booking candidate) {
        return booking != null && candidate != null
                && (booking == candidate || booking.getId() != null && booking.getId().equals(candidate.getId()));
    }

    private static boolean sameEvent(Event a, Event b) {
        return a == b || a != null && b != null && a.getId() != null && a.getId().equals(b.getId());
    }

    public Long getId() {
        return id;
    }

    public Event getEvent() {
        return event;
    }

    public String getSection() {
        return section;
    }

    public String getRowLabel() {
        return rowLabel;
    }

    public int getNumber() {
        return number;
    }

    public String getLabel() {
        return label;
    }

    public long getPriceCents() {
        return priceCents;
    }

    public SeatStatus getStatus() {
        return status;
    }

    public Booking getBooking() {
        return booking;
    }

    public long getVersion() {
        return version;
    }
}
