package dev.evently.booking.boundary;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.accounts.entity.User;
import dev.evently.booking.control.BookingViews;
import dev.evently.booking.control.IdempotencyLocks;
import dev.evently.booking.control.TicketCodes;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.booking.entity.Ticket;
import dev.evently.catalog.control.CatalogCache;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.catalog.entity.SeatStatus;
import dev.evently.outbox.entity.OutboxMessage;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.hashing.Hashes;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.platform.errors.UnprocessableException;
import dev.evently.waitlist.control.WaitlistOffers;

/**
 * The booking use cases, each one container-managed transaction. Seats are locked with row locks in
 * ascending id order (no deadlocks between holds) under a lock timeout; a booking is locked before its
 * seats by confirm, cancel and expiry alike. The database's unique live ticket per seat stands behind it all.
 * The lock timeout is the connection pool's (lock_timeout in its options, server-config/domain/evently.asadmin):
 * every transaction has it without a round trip of its own.
 * <p>
 * The seats a hold names are read in SQL with one array parameter ({@code id = any(?1)}): Hibernate translates
 * a query with an expanded list parameter ({@code in :ids}) anew on every call: in the flash-sale bench that
 * translation was over a third of the time spent in hold.
 */
@Stateless
public class Bookings {

    public static final int MAX_SEATS = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    BookingViews views;

    @Inject
    TicketCodes codes;

    @Inject
    CatalogCache cache;

    @Inject
    WaitlistOffers waitlistOffers;

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
        List<Long> taken = takenNow(requested, eventId);
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
        @SuppressWarnings("unchecked")
        List<Seat> seats = locking(() -> em.createNativeQuery(
                        "select * from seats where id = any(?1) order by id for update", Seat.class)
                .setParameter(1, requested.toArray(Long[]::new))
                .getResultList());
        List<Long> unavailable = new ArrayList<>(requested);
        for (Seat seat : seats) {
            if (seat.isAvailable() && seat.getEvent().getId() == eventId) {
                unavailable.remove(seat.getId());
            }
        }
        if (!unavailable.isEmpty()) {
            throw new SeatsUnavailableException(unavailable);
        }
        Booking booking = Booking.hold(em.getReference(User.class, userId), event, seats, now, now.plus(holdTime),
                idempotencyKey, requestHash);
        em.persist(booking);
        announce(booking, "booking.created", now);
        em.flush();  // a constraint the database enforces fails here, inside the use case
        return new Held(views.of(booking, seats, List.of()), false);
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
        List<Seat> seats = lockedSeatsOf(booking);
        List<Ticket> tickets = new ArrayList<>();
        for (Seat seat : seats) {
            seat.book();
            Ticket ticket = Ticket.issue(booking, seat, codes.sign(booking.getId(), seat.getId()), now);
            em.persist(ticket);
            tickets.add(ticket);
        }
        waitlistOffers.settle(booking);
        announce(booking, "booking.confirmed", now);
        em.flush();  // a constraint the database enforces fails here, inside the use case
        return views.of(booking, seats, tickets);
    }

    public BookingView cancel(long userId, boolean admin, long bookingId) {
        Instant now = clock.instant();
        Booking booking = lockVisible(userId, admin, bookingId);
        BookingStatus before = booking.getStatus();
        booking.cancel();
        release(booking, lockedSeatsOf(booking), now);
        waitlistOffers.settle(booking);
        em.createQuery("select t from Ticket t where t.booking = :booking", Ticket.class)
                .setParameter("booking", booking)
                .getResultStream()
                .filter(Ticket::isValid)
                .forEach(Ticket::voidTicket);
        announce(booking, "booking.cancelled", before, now);
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
        Map<Long, List<Seat>> seatsByBooking = locking(() -> em.createQuery(
                        "select s from Seat s where s.booking.id in :bookings order by s.id", Seat.class)
                .setParameter("bookings", due)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()).stream()
                .collect(Collectors.groupingBy(seat -> seat.getBooking().getId()));
        for (Long id : due) {
            Booking booking = em.find(Booking.class, id);
            booking.expire(now);
            release(booking, seatsByBooking.getOrDefault(id, List.of()), now);
            waitlistOffers.settle(booking);
            announce(booking, "booking.expired", now);
        }
        return due.size();
    }

    /**
     * Opens a waitlist offer: a pending booking for {@code userId} holding {@code seats}, which the caller
     * (the waitlist) has locked, until {@code until}. Announced like any new booking.
     */
    public Booking holdForWaitlist(long userId, Event event, List<Seat> seats, Instant until) {
        Instant now = clock.instant();
        Booking booking = Booking.offer(em.getReference(User.class, userId), event, seats, now, until);
        em.persist(booking);
        announce(booking, "booking.created", now);
        return booking;
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
    private void release(Booking booking, List<Seat> seats, Instant now) {
        List<Long> released = new ArrayList<>();
        for (Seat seat : seats) {
            seat.release();
            released.add(seat.getId());
        }
        if (!released.isEmpty()) {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            released.forEach(ids::add);
            em.persist(new OutboxMessage("event", String.valueOf(booking.getEvent().getId()), "seats.released",
                    Json.createObjectBuilder()
                            .add("eventId", booking.getEvent().getId())
                            .add("bookingId", booking.getId())
                            .add("seatIds", ids)
                            .build().toString(), now));
        }
    }

    /**
     * The requested seats already taken (or not the event's) when the request comes in, read without
     * queueing for their locks: in a rush most requests name seats someone just took. A scalar read, so that
     * no entity loaded before its lock sits in the persistence context with stale state; the check under the
     * locks decides.
     */
    private List<Long> takenNow(List<Long> requested, long eventId) {
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery(
                        "select id from seats where id = any(?1) and event_id = ?2 and status = ?3")
                .setParameter(1, requested.toArray(Long[]::new))
                .setParameter(2, eventId)
                .setParameter(3, SeatStatus.AVAILABLE.name())
                .getResultList();
        if (free.size() == requested.size()) {
            return List.of();
        }
        List<Long> taken = new ArrayList<>(requested);
        free.forEach(id -> taken.remove((Long) id.longValue()));
        return taken;
    }

    private List<Seat> lockedSeatsOf(Booking booking) {
        return locking(() -> em.createQuery("select s from Seat s where s.booking = :booking order by s.id", Seat.class)
                .setParameter("booking", booking)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    }

    /** Others' bookings do not exist for the caller: 404, not 403, so ids reveal nothing. */
    private Booking lockVisible(long userId, boolean admin, long bookingId) {
        Booking booking = locking(() -> em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE));
        if (booking == null || !(admin || booking.isOwnedBy(userId))) {
            throw notFound(bookingId);
        }
        return booking;
    }

    private void announce(Booking booking, String type, Instant now) {
        announce(booking, type, null, now);
    }

    /** @param previousStatus the status the change left, where it tells something (a cancel after payment) */
    private void announce(Booking booking, String type, BookingStatus previousStatus, Instant now) {
        JsonArrayBuilder seatIds = Json.createArrayBuilder();
        booking.getSeatIds().stream().sorted().forEach(seatIds::add);
        var payload = Json.createObjectBuilder()
                .add("bookingId", booking.getId())
                .add("userId", booking.getUser().getId())
                .add("eventId", booking.getEvent().getId())
                .add("status", booking.getStatus().name())
                .add("seatIds", seatIds)
                .add("totalCents", booking.getTotalCents())
                .add("expiresAt", booking.getExpiresAt().toString())
                .add("waitlistOffer", booking.isWaitlistOffer())
                .add("at", now.toString());
        if (previousStatus != null) {
            payload.add("previousStatus", previousStatus.name());
        }
        if (booking.getPaymentReference() != null) {
            payload.add("paymentReference", booking.getPaymentReference());
        }
        em.persist(new OutboxMessage("booking", String.valueOf(booking.getId()), type, payload.build().toString(), now));
        cache.seatsChangedAfterCommit(booking.getEvent().getId());
    }

    /**
     * Takes row locks; a lock not granted within the lock timeout is a 409 the client may retry (the
     * transaction rolls back), not a server error.
     */
    private static <T> T locking(Supplier<T> lock) {
        try {
            return lock.get();
        } catch (PessimisticLockException | LockTimeoutException e) {
            if (deadlockVictim(e)) {
                throw e;  // ordered locking rules deadlocks out: one goes to the log as the bug it is
            }
            throw new ConflictException("seats-busy",
                    "Others are booking or changing the same seats right now; try again in a moment.");
        }
    }

    private static boolean deadlockVictim(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> validSeatIds(List<Long> seatIds) {
        if (seatIds == null || seatIds.isEmpty() || seatIds.size() > MAX_SEATS) {
            throw new InvalidRequestException("seatIds", "choose 1 to " + MAX_SEATS + " seats");
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
