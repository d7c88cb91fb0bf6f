package dev.evently.payment.boundary;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import dev.evently.booking.boundary.BookingView;
import dev.evently.booking.boundary.Bookings;
import dev.evently.booking.boundary.Bookings.Held;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.payment.entity.PaymentMethod;
import dev.evently.platform.errors.InvalidRequestException;

/**
 * Selling at the box office: seats held for a customer and paid in cash or at the card terminal, in one
 * transaction. A sale that cannot be paid leaves no hold behind, so a seat is never kept from others by a sale
 * that failed halfway. The hold is the same as a buyer's ({@link Bookings#hold}), limits included; a retry with
 * the same key answers with the booking the first try sold.
 */
@Stateless
public class BoxOfficeSales {

    @EJB
    Bookings bookings;

    @EJB
    Payments payments;

    /**
     * Holds the seats for the customer and records the money staff took for them; returns the confirmed booking
     * with its tickets.
     *
     * @param customerId whom the booking belongs to (the staff member's own account for a walk-in sale)
     */
    public BookingView sell(long staffId, long customerId, long eventId, List<Long> seatIds, String idempotencyKey,
                            PaymentMethod method, String note) {
        if (method == null || !method.isManual()) {
            throw new InvalidRequestException("method", "the box office takes cash or the card terminal");
        }
        Held held = bookings.hold(customerId, eventId, seatIds, idempotencyKey);
        long bookingId = held.booking().id();
        if (!(held.replayed() && !BookingStatus.PENDING.name().equals(held.booking().status()))) {
            payments.markPaid(staffId, bookingId, method, note);
        }
        return bookings.get(staffId, true, bookingId);
    }
}
