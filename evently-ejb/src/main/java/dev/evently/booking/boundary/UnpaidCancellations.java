package dev.evently.booking.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.control.RowLocks;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.platform.errors.ConflictException;

/**
 * Cancelling a booking as staff who may not refund (the console's box office): only while it is unpaid. A paid
 * booking's cancellation owes its money back, and so it is a refund. The booking is locked before its status is
 * read, in the transaction that cancels it, so a payment that arrives meanwhile waits: what staff were shown as
 * unpaid is either still unpaid when cancelled, or refused.
 */
@Stateless
public class UnpaidCancellations {

    /** The problem type of a booking that was paid by the time staff cancelled it. */
    public static final String BOOKING_PAID = "booking-paid";

    @PersistenceContext
    EntityManager em;

    @Inject
    Cancellations cancellations;

    public BookingView cancel(long staffId, long bookingId) {
        Booking booking = RowLocks.granted(() -> em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE));
        if (booking == null) {
            throw Bookings.notFound(bookingId);
        }
        if (booking.getStatus() == BookingStatus.CONFIRMED) {
            throw new ConflictException(BOOKING_PAID, "booking " + bookingId + " is paid: cancelling it refunds it");
        }
        return cancellations.cancel(staffId, true, bookingId);
    }
}
