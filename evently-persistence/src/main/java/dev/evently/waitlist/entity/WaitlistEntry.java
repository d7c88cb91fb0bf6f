package dev.evently.waitlist.entity;

import dev.evently.accounts.entity.User;
import dev.evently.booking.entity.Booking;
import dev.evently.catalog.entity.Event;
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
import java.time.Instant;
import java.util.Objects;

/**
 * A place in an event's queue. WAITING → OFFERED (seats held for this person in a pending booking until
 * {@code offeredUntil}) → CONVERTED when paid; an entry can also EXPIRE or be LEFT while still active.
 */
@Entity
@Table(name = "waitlist_entries")
public class WaitlistEntry {

    public static final int MAX_SEATS_WANTED = Booking.MAX_SEATS;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "waitlist_entries_seq")
    @SequenceGenerator(name = "waitlist_entries_seq", sequenceName = "waitlist_entries_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    private Event event;

    @Column(name = "seats_wanted", nullable = false, updatable = false)
    private int seatsWanted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private WaitlistStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "offer_booking_id")
    private Booking offerBooking;

    @Column(name = "offered_until")
    private Instant offeredUntil;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    @Version
    private long version;

    protected WaitlistEntry() {
    }

    public WaitlistEntry(User user, Event event, int seatsWanted, Instant now) {
        if (seatsWanted < 1 || seatsWanted > MAX_SEATS_WANTED) {
            throw new InvalidRequestException("seatsWanted", "seats wanted must be between 1 and " + MAX_SEATS_WANTED);
        }
        event.requireOnSale(now);
        this.user = Objects.requireNonNull(user, "user");
        this.event = event;
        this.seatsWanted = seatsWanted;
        this.status = WaitlistStatus.WAITING;
        this.joinedAt = Objects.requireNonNull(now, "now");
    }

    /** Gives this person the seats held by {@code booking} until {@code until}. */
    public void offer(Booking booking, Instant until) {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(until, "until");
        if (status != WaitlistStatus.WAITING) {
            throw new ConflictException("waitlist-entry-not-waiting", "waitlist entry " + id + " is " + status + ", not WAITING");
        }
        this.offerBooking = booking;
        this.offeredUntil = until;
        this.status = WaitlistStatus.OFFERED;
    }

    /** The offer was taken up: its booking is paid. */
    public void convert() {
        if (status != WaitlistStatus.OFFERED) {
            throw new ConflictException("waitlist-offer-not-open", "waitlist entry " + id + " has no open offer");
        }
        status = WaitlistStatus.CONVERTED;
    }

    /** The offer lapsed, or the event left sale while the person was still waiting. */
    public void expire() {
        requireActive();
        status = WaitlistStatus.EXPIRED;
    }

    public void leave() {
        requireActive();
        status = WaitlistStatus.LEFT;
    }

    /** Active entries are the ones the database keeps unique per user and event. */
    public boolean isActive() {
        return status == WaitlistStatus.WAITING || status == WaitlistStatus.OFFERED;
    }

    public boolean isOfferLapsed(Instant now) {
        return status == WaitlistStatus.OFFERED && !now.isBefore(offeredUntil);
    }

    private void requireActive() {
        if (!isActive()) {
            throw new ConflictException("waitlist-entry-not-active", "waitlist entry " + id + " is already " + status);
        }
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

    public int getSeatsWanted() {
        return seatsWanted;
    }

    public WaitlistStatus getStatus() {
        return status;
    }

    public Booking getOfferBooking() {
        return offerBooking;
    }

    public Instant getOfferedUntil() {
        return offeredUntil;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public long getVersion() {
        return version;
    }
}
