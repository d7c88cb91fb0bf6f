package dev.evently.payment.control;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.boundary.Bookings;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.RefundChange;
import dev.evently.payment.entity.Payment;
import dev.evently.payment.entity.PaymentStatus;
import dev.evently.payment.entity.Refund;

/**
 * Money owed back. A booking that ends paid (REFUND_PENDING) is heard of through its announcement, in its
 * transaction: every succeeded payment of it is owed back whole, once (the database allows one refund per
 * payment). A payment that cannot buy a confirmed booking (paid twice) is owed back on its own. Money staff took
 * is handed back by staff, so its refund succeeds at once; when nothing is left outstanding the booking is
 * REFUNDED. The provider is asked by {@link dev.evently.payment.boundary.RefundRequests}, after the commit.
 */
@ApplicationScoped
public class Refunds {

    @PersistenceContext
    EntityManager em;

    @Inject
    Announcements announcements;

    @EJB
    Bookings bookings;

    Clock clock = Clock.systemUTC();

    void bookingEnded(@Observes BookingChange change) {
        if (BookingStatus.REFUND_PENDING.name().equals(change.status())) {
            oweBack(change.bookingId(), change.reason() == null ? "cancelled" : change.reason());
        }
    }

    /**
     * Owes back every succeeded payment of the booking not refunded yet, except the one a confirmed booking keeps;
     * then settles the booking if nothing is outstanding.
     */
    public void oweBack(long bookingId, String reason) {
        Instant now = clock.instant();
        Booking booking = em.find(Booking.class, bookingId);
        List<Payment> unrefunded = em.createQuery("""
                        select p from Payment p where p.booking.id = :booking and p.status = :succeeded
                        and not exists (select r from Refund r where r.payment = p) order by p.id""", Payment.class)
                .setParameter("booking", bookingId)
                .setParameter("succeeded", PaymentStatus.SUCCEEDED)
                .getResultList();
        for (Payment payment : unrefunded) {
            boolean kept = booking.getStatus() == BookingStatus.CONFIRMED
                    && payment.getProviderReference().equals(booking.getPaymentReference());
            if (!kept) {
                Refund refund = Refund.of(payment, reason, now);
                em.persist(refund);
                announce(DomainEvents.REFUND_REQUESTED, refund, now);
                if (!refund.getStatus().isOutstanding()) {
                    announce(DomainEvents.REFUND_SUCCEEDED, refund, now);
                }
            }
        }
        settle(booking);
    }

    /** A refund's outcome, as the provider reported it. */
    public void succeeded(Refund refund, String providerReference) {
        Instant now = clock.instant();
        if (refund.succeed(providerReference, now)) {
            announce(DomainEvents.REFUND_SUCCEEDED, refund, now);
            settle(em.find(Booking.class, refund.getBookingId()));
        }
    }

    public void failed(Refund refund, String providerReference) {
        Instant now = clock.instant();
        if (refund.fail(providerReference, "the provider reported the refund failed", now)) {
            announce(DomainEvents.REFUND_FAILED, refund, now);
        }
    }

    private void settle(Booking booking) {
        if (booking.getStatus() != BookingStatus.REFUND_PENDING) {
            return;
        }
        em.flush();
        long outstanding = em.createQuery("""
                        select count(r) from Refund r where r.bookingId = :booking and r.status <> :succeeded""", Long.class)
                .setParameter("booking", booking.getId())
                .setParameter("succeeded", dev.evently.payment.entity.RefundStatus.SUCCEEDED)
                .getSingleResult();
        if (outstanding == 0) {
            bookings.refunded(booking.getId());
        }
    }

    private void announce(DomainEventType<RefundChange> type, Refund refund, Instant now) {
        Booking booking = refund.getPayment().getBooking();
        announcements.announce(type, new RefundChange(refund.getId(), refund.getPayment().getId(), booking.getId(),
                booking.getUser().getId(), booking.getEvent().getId(), refund.getStatus().name(),
                refund.getAmountCents(), refund.getCurrency(), refund.getReason(), refund.getProviderReference(), now),
                now);
    }
}
