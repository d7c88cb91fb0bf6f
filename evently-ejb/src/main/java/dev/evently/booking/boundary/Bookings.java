package dev.evently.booking.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.accounts.entity.User;
import dev.evently.booking.control.BookingChanges;
import dev.evently.booking.control.BookingViews;
import dev.evently.booking.control.IdempotencyLocks;
import dev.evently.booking.control.RowLocks;
import dev.evently.booking.control.Seats;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.platform.hashing.Hashes;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.platform.errors.UnprocessableException;

/**
 * The booking use cases, each one container-managed transaction. Seats are locked in ascending id order under
 * a lock timeout ({@link Seats}); a booking is locked before its seats by confirm, cancel and expiry alike. The
 * database's unique live ticket per seat stands behind it all. Every change is announced as a domain event
 * ({@link BookingChanges}): what others do about it (waitlist offers, caches, mails, refunds) is theirs to decide.
 * Ending a booking on request is {@link Cancellations}'.
 */
@Stateless
public class Bookings {

    /** The problem type of a hold past {@code evently.limits.held-seats-per-event}. */
    public static final String HOLD_LIMIT_REACHED = "hold-limit-reached";

    @PersistenceContext
    EntityManager em;

    @Inject
    BookingViews views;

    @Inject
    Seats seats;

    @Inject
    BookingChanges changes;

    @Inject
    IdempotencyLocks idempotencyLocks;

    @Inject
    @ConfigProperty(name = "evently.booking.hold-time", defaultValue = "PT10M")
    Duration holdTime;

    /** Unpaid seats one user may hold of one event at a time; 0 switches the cap off. */
    @Inject
    @ConfigProperty(name = "evently.limits.held-seats-per-event", defaultValue = "10")
    int heldSeatsPerEvent;

    /** What seat prices, and so bookings and payments, are in (ISO 4217). */
    @Inject
    @ConfigProperty(name = "evently.payments.currency", defaultValue = "EUR")
    String currency;

    Clock clock = Clock.systemUTC();

    /** What a hold request answered, and whether it was the replay of an earlier one with the same key. */
    public record Held(BookingView booking, boolean replayed) {
    }

    /**
     * Holds the seats, or answers a retry with the booking its first try made. Seats already taken (most
     * requests of a rush) and events not on sale are turned away before anything else, unless an earlier try
     * of this request booked; only a request that may book marks its Idempotency-Key as in flight, and looks
     * for an earlier try again once it has the mark. Each outcome is counted ({@link HoldOutcomes}).
     */
    @Interceptors(HoldOutcomes.class)
    public Held hold(long userId, long eventId, List<Long> seatIds, String idempotencyKey) {
        List<Long> requested = validSeatIds(seatIds);
        String requestHash = idempotencyKey == null ? null : Hashes.sha256Hex(eventId + ":" + requested);
        Instant now = clock.instant();
        Event event = em.find(Event.class, eventId);
        if (event == null) {
            throw new NotFoundException("event-not-found", "no event " + eventId);
        }
        List<Long> taken = seats.takenNow(requested, eventId);
        if (!taken.isEmpty() || !event.isOnSale(now)) {
            Held earlier = idempotencyKey == null ? null : earlier(userId, idempotencyKey, requestHash);
            if (earlier != null) {
                return earlier;
            }
            event.requireOnSale(now);
            throw new SeatsUnavailableException(taken);
        }
        if (idempotencyKey != null) {
            idempotencyLocks.holdUntilCompletion(userId, idempotencyKey);
            Held earlier = earlier(userId, idempotencyKey, requestHash);
            if (earlier != null) {
                return earlier;
            }
        }
        if (heldSeatsPerEvent > 0 && seats.heldBy(userId, eventId) + requested.size() > heldSeatsPerEvent) {
            throw new ConflictException(HOLD_LIMIT_REACHED, "you hold " + heldSeatsPerEvent + " unpaid seats of this"
                    + " event at most at a time: pay for or cancel a booking first");
        }
        List<Seat> locked = seats.lockForHold(requested);
        List<Long> unavailable = new ArrayList<>(requested);
        for (Seat seat : locked) {
            if (seat.isAvailable() && seat.getEvent().getId() == eventId) {
                unavailable.remove(seat.getId());
            }
        }
        if (!unavailable.isEmpty()) {
            throw new SeatsUnavailableException(unavailable);
        }
        Booking booking = Booking.hold(em.getReference(User.class, userId), event, locked, now, now.plus(holdTime),
                idempotencyKey, requestHash, currency);
        em.persist(booking);
        changes.announce(DomainEvents.BOOKING_CREATED, booking, null, now);
        em.flush();  // a constraint the database enforces fails here, inside the use case
        return new Held(views.of(booking, locked, List.of()), false);
    }

    /** The answer to an earlier try with this key, or null; a different request under the key → 422. */
    private Held earlier(long userId, String idempotencyKey, String requestHash) {
        List<Booking> earlier = em.createQuery(
                        "select b from Booking b where b.user.id = :user and b.idempotencyKey = :key", Booking.class)
                .setParameter("user", userId)
                .setParameter("key", idempotencyKey)
                .getResultList();
        if (earlier.isEmpty()) {
            return null;
        }
        if (!earlier.get(0).isRetryOf(requestHash)) {
            throw new UnprocessableException("idempotency-key-reused",
                    "this Idempotency-Key was used for a different request");
        }
        return new Held(views.of(earlier.get(0)), true);
    }

    /** What became of money taken for a booking. */
    public enum PaymentOutcome {
        /** It paid for the booking, which is confirmed (it may have been already, by this same money). */
        KEPT,
        /** The booking cannot be had for it (ended, seats sold meanwhile, or paid already): it is owed back. */
        OWED_BACK
    }

    /**
     * Applies money taken for the booking, in the caller's transaction (the payment's): a pending booking is
     * confirmed and its tickets issued. Paid after its hold ran out, it is confirmed when every one of its seats
     * is still free, else it is cancelled with the money owed back; a booking that has ended or is paid already
     * owes this money back. No seat is taken from anyone: the seats are locked and checked first.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public PaymentOutcome takePayment(long bookingId, String paymentReference) {
        Instant now = clock.instant();
        Booking booking = RowLocks.granted(() -> em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE));
        if (booking == null) {
            throw notFound(bookingId);
        }
        BookingStatus before = booking.getStatus();
        if (before == BookingStatus.CONFIRMED) {
            return paymentReference.equals(booking.getPaymentReference()) ? PaymentOutcome.KEPT : PaymentOutcome.OWED_BACK;
        }
        if (before == BookingStatus.PENDING && !booking.isExpired(now)) {
            booking.confirm(paymentReference, now);
            changes.issueTickets(booking, seats.lockOf(booking), now);
            changes.announce(DomainEvents.BOOKING_CONFIRMED, booking, null, now);
            em.flush();  // a constraint the database enforces fails here, inside the use case
            return PaymentOutcome.KEPT;
        }
        if (booking.isExpired(now)) {
            List<Seat> wanted = seats.lockForHold(booking.getSeatIds().stream().sorted().toList());
            if (wanted.stream().allMatch(seat -> seat.isAvailable() || seat.belongsTo(booking))) {
                booking.confirmLate(paymentReference, wanted, now);
                changes.issueTickets(booking, wanted, now);
                changes.announce(DomainEvents.BOOKING_CONFIRMED, booking, null, now);
                em.flush();
                return PaymentOutcome.KEPT;
            }
        }
        if (before != BookingStatus.REFUND_PENDING) {
            booking.refundLatePayment(before == BookingStatus.CANCELLED ? "paid-after-cancel" : "seats-taken");
            changes.announce(DomainEvents.BOOKING_CANCELLED, booking, before, now);
        }
        return PaymentOutcome.OWED_BACK;
    }

    /** Every payment of the booking has been given back. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void refunded(long bookingId) {
        Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        booking.refunded();
        changes.announce(DomainEvents.BOOKING_REFUNDED, booking, BookingStatus.REFUND_PENDING, clock.instant());
    }

    /**
     * Expires up to {@code limit} pending bookings whose hold ran out, skipping rows another instance is
     * already expiring; returns how many it expired. The seats of the whole batch are locked in one ascending
     * pass, as a hold locks its seats: locked booking by booking, a hold wanting seats of two expiring
     * bookings could wait for the sweep while the sweep waits for it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireDue(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Long> due = ((List<Number>) em.createNativeQuery("""
                        select id from bookings where status = 'PENDING' and expires_at <= ?1
                        order by expires_at limit ?2 for update skip locked""")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList()).stream().map(Number::longValue).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, List<Seat>> seatsByBooking = seats.lockOf(due);
        for (Long id : due) {
            Booking booking = em.find(Booking.class, id);
            booking.expire(now);
            changes.release(booking, seatsByBooking.getOrDefault(id, List.of()), now);
            changes.announce(DomainEvents.BOOKING_EXPIRED, booking, null, now);
        }
        return due.size();
    }

    /**
     * Opens a waitlist offer in the caller's transaction: a pending booking for {@code userId} holding
     * {@code count} free seats of the event ({@code preferred} ones first) until {@code until}, announced like
     * any new booking; null when fewer are free. Seats someone is locking right now are skipped, not waited for.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Booking offer(long userId, Event event, List<Long> preferred, int count, Instant until) {
        List<Seat> free = seats.takeFree(event.getId(), preferred, count);
        if (free.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        Booking booking = Booking.offer(em.getReference(User.class, userId), event, free, now, until, currency);
        em.persist(booking);
        changes.announce(DomainEvents.BOOKING_CREATED, booking, null, now);
        return booking;
    }

    /** How many of the event's seats are on sale right now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long availableSeats(long eventId) {
        return seats.availableOf(eventId);
    }

    public BookingView get(long userId, boolean admin, long bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        if (booking == null || !(admin || booking.isOwnedBy(userId))) {
            throw notFound(bookingId);
        }
        return views.of(booking);
    }

    public BookingPage mine(long userId, int page, int size) {
        List<Booking> bookings = em.createQuery(
                        "select b from Booking b where b.user.id = :user order by b.createdAt desc, b.id desc", Booking.class)
                .setParameter("user", userId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = em.createQuery("select count(b) from Booking b where b.user.id = :user", Long.class)
                .setParameter("user", userId)
                .getSingleResult();
        return new BookingPage(views.of(bookings), page, size, total);
    }

    private static List<Long> validSeatIds(List<Long> seatIds) {
        if (seatIds == null || seatIds.isEmpty() || seatIds.size() > Booking.MAX_SEATS) {
            throw new InvalidRequestException("seatIds", "choose 1 to " + Booking.MAX_SEATS + " seats");
        }
        Set<Long> unique = new HashSet<>();
        for (Long id : seatIds) {
            if (id == null || id <= 0) {
                throw new InvalidRequestException("seatIds", "seat ids are positive numbers");
            }
            if (!unique.add(id)) {
                throw new InvalidRequestException("seatIds", "seat " + id + " is listed twice");
            }
        }
        return seatIds.stream().sorted().toList();
    }

    static NotFoundException notFound(long bookingId) {
        return new NotFoundException("booking-not-found", "no booking " + bookingId);
    }
}
