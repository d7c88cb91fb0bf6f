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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.accounts.entity.User;
import dev.evently.booking.control.BookingViews;
import dev.evently.booking.control.IdempotencyLocks;
import dev.evently.booking.control.RowLocks;
import dev.evently.booking.control.Seats;
import dev.evently.booking.control.TicketCodes;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.booking.entity.Ticket;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.SeatsReleased;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.hashing.Hashes;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.platform.errors.UnprocessableException;

/**
 * The booking use cases, each one container-managed transaction. Seats are locked in ascending id order under
 * a lock timeout ({@link Seats}); a booking is locked before its seats by confirm, cancel and expiry alike. The
 * database's unique live ticket per seat stands behind it all. Every change is announced as a domain event
 * ({@link Announcements}): what others do about it (waitlist offers, caches, mails) is theirs to decide.
 */
@Stateless
public class Bookings {

    @PersistenceContext
    EntityManager em;

    @Inject
    BookingViews views;

    @Inject
    TicketCodes codes;

    @Inject
    Seats seats;

    @Inject
    Announcements announcements;

    @Inject
    IdempotencyLocks idempotencyLocks;

    @Inject
    @ConfigProperty(name = "evently.booking.hold-time", defaultValue = "PT10M")
    Duration holdTime;

    Clock clock = Clock.systemUTC();

    /** What a hold request answered, and whether it was the replay of an earlier one with the same key. */
    public record Held(BookingView booking, boolean replayed) {
    }

    /**
     * Holds the seats, or answers a retry with the booking its first try made. Seats already taken (most
     * requests of a rush) and events not on sale are turned away before anything else, unless an earlier try
     * of this request booked; only a request that may book marks its Idempotency-Key as in flight, and looks
     * for an earlier try again once it has the mark.
     */
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
                idempotencyKey, requestHash);
        em.persist(booking);
        announce(DomainEvents.BOOKING_CREATED, booking, null, now);
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

    public BookingView confirm(long userId, boolean admin, long bookingId, String paymentReference) {
        Instant now = clock.instant();
        Booking booking = lockVisible(userId, admin, bookingId);
        if (booking.getStatus() == BookingStatus.CONFIRMED && paymentReference.equals(booking.getPaymentReference())) {
            return views.of(booking);
        }
        booking.confirm(paymentReference, now);
        List<Seat> booked = seats.lockOf(booking);
        List<Ticket> tickets = new ArrayList<>();
        for (Seat seat : booked) {
            seat.book();
            Ticket ticket = Ticket.issue(booking, seat, codes.sign(booking.getId(), seat.getId()), now);
            em.persist(ticket);
            tickets.add(ticket);
        }
        announce(DomainEvents.BOOKING_CONFIRMED, booking, null, now);
        em.flush();  // a constraint the database enforces fails here, inside the use case
        return views.of(booking, booked, tickets);
    }

    public BookingView cancel(long userId, boolean admin, long bookingId) {
        Instant now = clock.instant();
        Booking booking = lockVisible(userId, admin, bookingId);
        BookingStatus before = booking.getStatus();
        booking.cancel();
        release(booking, seats.lockOf(booking), now);
        em.createQuery("select t from Ticket t where t.booking = :booking", Ticket.class)
                .setParameter("booking", booking)
                .getResultStream()
                .filter(Ticket::isValid)
                .forEach(Ticket::voidTicket);
        announce(DomainEvents.BOOKING_CANCELLED, booking, before, now);
        return views.of(booking);
    }

    /**
     * Expires up to {@code limit} pending bookings whose hold ran out, skipping rows another instance is
     * already expiring; returns how many it expired. The seats of the whole batch are locked in one ascending
     * pass, as a hold locks its seats: locked booking by booking, a hold wanting seats of two expiring
     * bookings could wait for the sweep while the sweep waits for it.
     */
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
            release(booking, seatsByBooking.getOrDefault(id, List.of()), now);
            announce(DomainEvents.BOOKING_EXPIRED, booking, null, now);
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
        Booking booking = Booking.offer(em.getReference(User.class, userId), event, free, now, until);
        em.persist(booking);
        announce(DomainEvents.BOOKING_CREATED, booking, null, now);
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

    /** Puts the booking's seats, locked by the caller, back on sale. */
    private void release(Booking booking, List<Seat> held, Instant now) {
        List<Long> released = new ArrayList<>();
        for (Seat seat : held) {
            seat.release();
            released.add(seat.getId());
        }
        if (!released.isEmpty()) {
            announcements.announce(DomainEvents.SEATS_RELEASED,
                    new SeatsReleased(booking.getEvent().getId(), booking.getId(), released), now);
        }
    }

    /** Others' bookings do not exist for the caller: 404, not 403, so ids reveal nothing. */
    private Booking lockVisible(long userId, boolean admin, long bookingId) {
        Booking booking = RowLocks.granted(() -> em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE));
        if (booking == null || !(admin || booking.isOwnedBy(userId))) {
            throw notFound(bookingId);
        }
        return booking;
    }

    /** @param previousStatus the status the change left, where it tells something (a cancel after payment) */
    private void announce(DomainEventType<BookingChange> type, Booking booking, BookingStatus previousStatus,
                          Instant now) {
        announcements.announce(type, BookingChange.of(booking, previousStatus, now), now);
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

    private static NotFoundException notFound(long bookingId) {
        return new NotFoundException("booking-not-found", "no booking " + bookingId);
    }
}
