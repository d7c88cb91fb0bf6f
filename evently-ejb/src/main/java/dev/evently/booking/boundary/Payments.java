package dev.evently.booking.boundary;

import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.PaymentRejected;
import dev.evently.platform.control.Inbox;

/**
 * Payment results from a payment system (the inbound payment queue): a successful payment of the right amount
 * confirms a pending booking, a failed one cancels it. A result that cannot be applied (unknown or no longer
 * pending booking, wrong amount) changes no booking and is published as {@code payment.rejected}, so the
 * payment system can refund. The same result twice is applied once.
 */
@Stateless
public class Payments {

    static final String CONSUMER = "payments";

    public enum Outcome { SUCCEEDED, FAILED }

    public record PaymentResult(long bookingId, String reference, long amountCents, Outcome status) {

        /** The same payment result, however often it is sent, has the same id. */
        public String id() {
            return "payment:" + bookingId + ":" + status + ":" + reference;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Bookings bookings;

    @Inject
    Inbox inbox;

    @Inject
    Announcements announcements;

    Clock clock = Clock.systemUTC();

    /** Returns what was done, for the log. */
    public String apply(PaymentResult payment) {
        if (!inbox.firstDelivery(CONSUMER, payment.id())) {
            return "payment result already applied: " + payment.id();
        }
        Instant now = clock.instant();
        Booking booking = em.find(Booking.class, payment.bookingId());
        if (booking == null) {
            return rejected(payment, "booking-not-found", now);
        }
        long userId = booking.getUser().getId();
        if (payment.status() == Outcome.FAILED) {
            if (booking.getStatus() != BookingStatus.PENDING) {
                return "failed payment for booking " + booking.getId() + " ignored: it is " + booking.getStatus();
            }
            bookings.cancel(userId, true, booking.getId());
            return "booking " + booking.getId() + " cancelled: payment " + payment.reference() + " failed";
        }
        if (booking.getStatus() == BookingStatus.CONFIRMED && payment.reference().equals(booking.getPaymentReference())) {
            return "booking " + booking.getId() + " already confirmed by payment " + payment.reference();
        }
        if (booking.getStatus() != BookingStatus.PENDING || booking.isExpired(now)) {
            return rejected(payment, "booking-not-payable", now);
        }
        if (payment.amountCents() != booking.getTotalCents()) {
            return rejected(payment, "amount-mismatch", now);
        }
        bookings.confirm(userId, true, booking.getId(), payment.reference());
        return "booking " + booking.getId() + " confirmed by payment " + payment.reference();
    }

    private String rejected(PaymentResult payment, String reason, Instant now) {
        announcements.announce(DomainEvents.PAYMENT_REJECTED, new PaymentRejected(payment.bookingId(),
                payment.reference(), payment.amountCents(), payment.status().name(), reason, now), now);
        return "payment " + payment.reference() + " for booking " + payment.bookingId() + " rejected: " + reason;
    }
}
