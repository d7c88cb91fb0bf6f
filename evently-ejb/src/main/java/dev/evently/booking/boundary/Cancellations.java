package dev.evently.booking.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.booking.control.BookingChanges;
import dev.evently.booking.control.BookingViews;
import dev.evently.booking.control.RowLocks;
import dev.evently.booking.control.Seats;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.platform.errors.ConflictException;

/**
 * Ending bookings before their time: by their buyer or staff, and all of a cancelled event's. Seats go back on
 * sale (the waitlist is offered them), tickets are voided, and a paid booking owes its money back
 * (REFUND_PENDING): the refunds follow its announcement. A booking is locked before its seats, as everywhere.
 * <p>
 * A paid booking can be cancelled by its buyer until {@code evently.cancel-deadline} (EVENTLY_CANCEL_DEADLINE, 48 h)
 * before the event starts, by staff until the event ends, and by nobody once one of its tickets was used at the door.
 */
@Stateless
public class Cancellations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    BookingChanges changes;

    @Inject
    BookingViews views;

    @Inject
    @ConfigProperty(name = "evently.cancel-deadline", defaultValue = "PT48H")
    Duration cancelDeadline;

    Clock clock = Clock.systemUTC();

    /** Others' bookings do not exist for a buyer: 404, not 403, so ids reveal nothing. */
    public BookingView cancel(long userId, boolean staff, long bookingId) {
        Instant now = clock.instant();
        Booking booking = RowLocks.granted(() -> em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE));
        if (booking == null || !(staff || booking.isOwnedBy(userId))) {
            throw Bookings.notFound(bookingId);
        }
        if (booking.getStatus() == BookingStatus.CONFIRMED) {
            requireCancellable(booking, staff, now);
        }
        end(booking, seats.lockOf(booking), null, now);
        return views.of(booking);
    }

    /**
     * Cancels up to {@code limit} pending and paid bookings of cancelled events, skipping those another instance
     * is cancelling; their seats are locked in one ascending pass. Returns how many it cancelled.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int ofCancelledEvents(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Long> due = ((List<Number>) em.createNativeQuery("""
                        select b.id from bookings b join events e on e.id = b.event_id
                        where e.status = 'CANCELLED' and b.status in ('PENDING', 'CONFIRMED')
                        order by b.id limit ?1 for update of b skip locked""")
                .setParameter(1, limit)
                .getResultList()).stream().map(Number::longValue).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, List<Seat>> seatsByBooking = seats.lockOf(due);
        for (Long id : due) {
            end(em.find(Booking.class, id), seatsByBooking.getOrDefault(id, List.of()), "event-cancelled", now);
        }
        return due.size();
    }

    private void requireCancellable(Booking booking, boolean staff, Instant now) {
        if (changes.checkedIn(booking)) {
            throw new ConflictException("ticket-checked-in",
                    "a ticket of booking " + booking.getId() + " has been used at the door: it cannot be cancelled");
        }
        Event event = booking.getEvent();
        if (staff && !now.isBefore(event.getEndTime())) {
            throw new ConflictException("event-ended", "the event of booking " + booking.getId() + " has ended");
        }
        Instant deadline = event.getStartTime().minus(cancelDeadline);
        if (!staff && !now.isBefore(deadline)) {
            throw new ConflictException("cancel-deadline-passed", "paid bookings can be cancelled until " + deadline
                    + " (" + cancelDeadline.toHours() + " h before the event starts); ask the box office");
        }
    }

    private void end(Booking booking, List<Seat> held, String reason, Instant now) {
        BookingStatus before = booking.cancel(reason);
        changes.release(booking, held, now);
        if (before == BookingStatus.CONFIRMED) {
            changes.voidTickets(booking);
        }
        changes.announce(DomainEvents.BOOKING_CANCELLED, booking, before, now);
    }
}
