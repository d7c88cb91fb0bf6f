package dev.evently.booking.entity;

import dev.evently.accounts.entity.User;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * A purchase of seats for one event: PENDING (seats held until {@code expiresAt}) → CONFIRMED once paid,
 * or CANCELLED / EXPIRED. Its seats point at it ({@code Seat.booking}) and are queried, never loaded
 * through the booking, so reading a booking never drags its seat map along.
 */
@Entity
@Table(name = "bookings")
public class Booking {

    /** The most seats one booking holds: what a hold may name, and what a waitlist entry may wish for. */
    public static final int MAX_SEATS = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bookings_seq")
    @SequenceGenerator(name = "bookings_seq", sequenceName = "bookings_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    private Event event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BookingStatus status;

    @Column(name = "total_cents", nullable = false, updatable = false)
    private long totalCents;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "idempotency_key", length = 100, updatable = false)
    private String idempotencyKey;

    @Column(name = "request_hash", length = 64, updatable = false)
    private String requestHash;

    @Column(name = "payment_reference", length = 100)
    private String paymentReference;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    /** Why the booking ended when its buyer did not end it (event-cancelled, seats-taken); else null. */
    @Column(name = "end_reason", length = 30)
    private String endReason;

    /** Made by the waitlist for the next person in line; settling it settles their waitlist entry. */
    @Column(name = "waitlist_offer", nullable = false, updatable = false)
    private boolean waitlistOffer;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "booking_seats", joinColumns = @JoinColumn(name = "booking_id"))
    @Column(name = "seat_id", nullable = false)
    private Set<Long> seatIds = new LinkedHashSet<>();

    protected Booking() {
    }

    private Booking(User user, Event event, Instant now, Instant expiresAt, String idempotencyKey, String requestHash,
                    String currency) {
        this.user = Objects.requireNonNull(user, "user");
        this.event = Objects.requireNonNull(event, "event");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.status = BookingStatus.PENDING;
    }

    public static Booking hold(User user, Event event, List<Seat> seats, Instant now, Instant expiresAt) {
        return hold(user, event, seats, now, expiresAt, null, null, "EUR");
    }

    /**
     * Opens a pending booking and holds every seat for it. The caller has locked the seats; a seat that is
     * not available fails the whole booking, and the transaction rollback undoes the holds already made.
     *
     * @param requestHash hash of the request body, so a retry with the same key can be told from a reused key
     * @param currency    what the seats' prices are in (ISO 4217)
     */
    public static Booking hold(User user, Event event, List<Seat> seats, Instant now, Instant expiresAt,
                               String idempotencyKey, String requestHash, String currency) {
        event.requireOnSale(now);
        if (seats == null || seats.isEmpty()) {
            throw new InvalidRequestException("seatIds", "a booking needs at least one seat");
        }
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a hold must expire in the future: " + expiresAt);
        }
        var booking = new Booking(user, event, now, expiresAt, idempotencyKey, requestHash, currency);
        for (Seat seat : seats) {
            seat.hold(booking);
            booking.totalCents += seat.getPriceCents();
            booking.seatIds.add(seat.getId());
        }
        return booking;
    }

    /** A hold the waitlist makes for the person whose turn it is, open until {@code until}. */
    public static Booking offer(User user, Event event, List<Seat> seats, Instant now, Instant until,
                                String currency) {
        Booking booking = hold(user, event, seats, now, until, null, null, currency);
        booking.waitlistOffer = true;
        return booking;
    }

    /** Records the payment that confirms it. The caller then books the seats and issues the tickets. */
    public void confirm(String paymentReference, Instant now) {
        requirePending();
        if (isExpired(now)) {
            throw new ConflictException("booking-expired", "booking " + id + " expired at " + expiresAt);
        }
        this.paymentReference = paymentReference;
        this.status = BookingStatus.CONFIRMED;
    }

    /**
     * Confirms a booking paid after its hold ran out, when every one of its seats is still free (or still held by
     * it): the caller has locked them and then books them and issues the tickets.
     */
    public void confirmLate(String paymentReference, List<Seat> seats, Instant now) {
        if (status != BookingStatus.EXPIRED && !(status == BookingStatus.PENDING && isExpired(now))) {
            throw new ConflictException("booking-not-expired", "booking " + id + " is " + status);
        }
        if (seats.size() != seatIds.size() || !seats.stream().allMatch(seat -> seatIds.contains(seat.getId())
                && (seat.isAvailable() || seat.belongsTo(this)))) {
            throw new ConflictException("seats-taken", "the seats of booking " + id + " are no longer free");
        }
        for (Seat seat : seats) {
            if (seat.isAvailable()) {
                seat.hold(this);
            }
        }
        this.paymentReference = paymentReference;
        this.status = BookingStatus.CONFIRMED;
    }

    /**
     * Ends a pending or confirmed booking; the caller releases its seats and voids its tickets. A confirmed
     * booking was paid: its money is owed back, so it waits for its refunds (REFUND_PENDING).
     *
     * @param reason why, when the buyer did not end it (event-cancelled); else null
     * @return the status it left
     */
    public BookingStatus cancel(String reason) {
        if (!status.holdsSeats()) {
            throw new ConflictException("booking-not-cancellable", "booking " + id + " is already " + status);
        }
        BookingStatus before = status;
        status = before == BookingStatus.CONFIRMED ? BookingStatus.REFUND_PENDING : BookingStatus.CANCELLED;
        endReason = reason;
        return before;
    }

    /**
     * Money arrived for a booking that cannot have its seats (it expired and they were sold, or it was cancelled):
     * it is owed back.
     *
     * @return the status it left
     */
    public BookingStatus refundLatePayment(String reason) {
        if (status != BookingStatus.EXPIRED && status != BookingStatus.CANCELLED && status != BookingStatus.REFUNDED
                && status != BookingStatus.REFUND_PENDING) {
            throw new ConflictException("booking-not-ended", "booking " + id + " is " + status);
        }
        BookingStatus before = status;
        status = BookingStatus.REFUND_PENDING;
        if (endReason == null) {
            endReason = reason;
        }
        return before;
    }

    /** Every refund it was owed has succeeded. */
    public void refunded() {
        if (status != BookingStatus.REFUND_PENDING) {
            throw new ConflictException("booking-not-refunding", "booking " + id + " is " + status);
        }
        status = BookingStatus.REFUNDED;
    }

    /** Ends a pending booking whose hold has run out; the caller releases its seats. */
    public void expire(Instant now) {
        requirePending();
        if (!isExpired(now)) {
            throw new ConflictException("booking-not-expired", "booking " + id + " holds its seats until " + expiresAt);
        }
        status = BookingStatus.EXPIRED;
    }

    /** True once the hold has run out, whether or not the expiry sweep has marked it yet. */
    public boolean isExpired(Instant now) {
        return status == BookingStatus.EXPIRED
                || status == BookingStatus.PENDING && !now.isBefore(expiresAt);
    }

    /** A retry carries the same body as the first request; the same key with another body is a reused key. */
    public boolean isRetryOf(String requestHash) {
        return Objects.equals(this.requestHash, requestHash);
    }

    public boolean isWaitlistOffer() {
        return waitlistOffer;
    }

    public boolean isOwnedBy(Long userId) {
        return userId != null && userId.equals(user.getId());
    }

    private void requirePending() {
        if (status != BookingStatus.PENDING) {
            throw new ConflictException("booking-not-pending", "booking " + id + " is " + status + ", not PENDING");
        }
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** The seats this booking held, also after it released them. */
    public Set<Long> getSeatIds() {
        return Collections.unmodifiableSet(seatIds);
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public Event getEvent() {
        return event;
    }

    public BookingStatus getStatus() {
        return status;
    }

    public long getTotalCents() {
        return totalCents;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public String getCurrency() {
        return currency;
    }

    public String getEndReason() {
        return endReason;
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
