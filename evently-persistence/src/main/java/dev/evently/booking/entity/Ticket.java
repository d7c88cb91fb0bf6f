package dev.evently.booking.entity;

import dev.evently.catalog.entity.Seat;
import dev.evently.catalog.entity.SeatStatus;
import dev.evently.platform.errors.ConflictException;
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
import java.time.Instant;
import java.util.Objects;

/**
 * Entry for one seat of a confirmed booking. A void ticket stays as a record; only a VALID one admits
 * anybody, and the database allows one VALID ticket per seat.
 */
@Entity
@Table(name = "tickets")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets_seq")
    @SequenceGenerator(name = "tickets_seq", sequenceName = "tickets_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id", nullable = false, updatable = false)
    private Booking booking;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "seat_id", nullable = false, updatable = false)
    private Seat seat;

    @Column(nullable = false, length = 512, unique = true, updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TicketStatus status;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    protected Ticket() {
    }

    /**
     * @param code the signed, unforgeable string printed as the QR code; signing is not the entity's business
     */
    public static Ticket issue(Booking booking, Seat seat, String code, Instant now) {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(seat, "seat");
        if (booking.getStatus() != BookingStatus.CONFIRMED) {
            throw new ConflictException("booking-not-confirmed", "tickets are issued only for confirmed bookings");
        }
        if (seat.getStatus() != SeatStatus.BOOKED || !seat.belongsTo(booking)) {
            throw new ConflictException("seat-not-booked", "seat " + seat.getLabel() + " is not booked by booking " + booking.getId());
        }
        var ticket = new Ticket();
        ticket.booking = booking;
        ticket.seat = seat;
        ticket.code = Objects.requireNonNull(code, "code");
        ticket.status = TicketStatus.VALID;
        ticket.issuedAt = Objects.requireNonNull(now, "now");
        return ticket;
    }

    /** Admits the holder once; a second scan of the same code is someone else at the door. */
    public void checkIn(Instant now) {
        requireValid();
        if (checkedInAt != null) {
            throw new TicketAlreadyCheckedInException(checkedInAt);
        }
        checkedInAt = Objects.requireNonNull(now, "now");
    }

    public void voidTicket() {
        requireValid();
        status = TicketStatus.VOID;
    }

    public boolean isValid() {
        return status == TicketStatus.VALID;
    }

    public boolean isCheckedIn() {
        return checkedInAt != null;
    }

    private void requireValid() {
        if (status != TicketStatus.VALID) {
            throw new ConflictException("ticket-void", "ticket " + id + " is void");
        }
    }

    public Long getId() {
        return id;
    }

    public Booking getBooking() {
        return booking;
    }

    public Seat getSeat() {
        return seat;
    }

    public String getCode() {
        return code;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }
}
