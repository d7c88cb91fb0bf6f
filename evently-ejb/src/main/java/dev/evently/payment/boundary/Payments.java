package dev.evently.payment.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.accounts.entity.User;
import dev.evently.booking.boundary.BookingView.PaymentLine;
import dev.evently.booking.boundary.Bookings;
import dev.evently.booking.boundary.Bookings.PaymentOutcome;
import dev.evently.booking.control.RowLocks;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.PaymentChange;
import dev.evently.outbox.event.DomainEvents.PaymentRejected;
import dev.evently.payment.control.PaymentProvider;
import dev.evently.payment.control.PaymentProvider.Checkout;
import dev.evently.payment.control.Refunds;
import dev.evently.payment.entity.Payment;
import dev.evently.payment.entity.PaymentMethod;
import dev.evently.payment.entity.PaymentStatus;
import dev.evently.payment.entity.Refund;
import dev.evently.platform.control.Inbox;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;

/**
 * Paying for bookings. A buyer opens a checkout at the provider for a pending booking; the booking is confirmed
 * only when the provider reports that payment succeeded for its exact amount and currency (the signed webhook or
 * the payment queue, each report applied once), or when staff record cash or a card terminal. Money that cannot
 * buy its booking is owed back ({@link Refunds}). A booking is locked before its payments, as everywhere.
 */
@Stateless
public class Payments {

    static final String REPORTS = "payment-reports";

    @PersistenceContext
    EntityManager em;

    @EJB
    Bookings bookings;

    @Inject
    PaymentProvider provider;

    @Inject
    Refunds refunds;

    @Inject
    Announcements announcements;

    @Inject
    Inbox inbox;

    Clock clock = Clock.systemUTC();

    /** The checkout a buyer pays at, and whether this call opened it (false: the one already open). */
    public record Started(PaymentView payment, boolean opened) {
    }

    /** Opens a checkout for the whole of the caller's pending booking, or gives the one already open. */
    public Started start(long userId, long bookingId) {
        Instant now = clock.instant();
        Booking booking = lockedBooking(bookingId);
        if (!booking.isOwnedBy(userId)) {
            throw new NotFoundException("booking-not-found", "no booking " + bookingId);
        }
        if (booking.getStatus() != BookingStatus.PENDING || booking.isExpired(now)) {
            throw new ConflictException("booking-not-payable", "booking " + bookingId + " is "
                    + (booking.getStatus() == BookingStatus.PENDING ? "past its hold" : booking.getStatus())
                    + ": only a pending booking can be paid");
        }
        Payment open = em.createQuery("select p from Payment p where p.booking = :booking and p.status = :pending",
                        Payment.class)
                .setParameter("booking", booking)
                .setParameter("pending", PaymentStatus.PENDING)
                .getResultStream().findFirst().orElse(null);
        if (open != null) {
            return new Started(view(open), false);
        }
        Payment payment = Payment.throughProvider(booking, now);
        em.persist(payment);
        Checkout checkout = provider.open(payment.getId(), payment.getAmountCents(), payment.getCurrency(),
                booking.getSeatIds().size() + " seat(s), " + booking.getEvent().getName());
        payment.openedAt(checkout.providerReference(), checkout.checkoutUrl());
        return new Started(view(payment), true);
    }

    /** Money staff took for a pending booking, outside the provider: recorded with who they are; confirms it. */
    public PaymentView markPaid(long staffId, long bookingId, PaymentMethod method, String note) {
        Instant now = clock.instant();
        Booking booking = lockedBooking(bookingId);
        if (booking.getStatus() != BookingStatus.PENDING) {
            throw new ConflictException("booking-not-payable", "booking " + bookingId + " is " + booking.getStatus());
        }
        Payment payment = Payment.recordedBy(em.getReference(User.class, staffId), booking, method, note, now);
        em.persist(payment);
        payment.referenceManual();
        announce(DomainEvents.PAYMENT_SUCCEEDED, payment, now);
        if (bookings.takePayment(bookingId, payment.getProviderReference()) != PaymentOutcome.KEPT) {
            // its hold ran out and its seats were sold meanwhile: nothing is recorded, the money stays in hand
            throw new ConflictException("booking-not-payable", "booking " + bookingId + " expired and its seats"
                    + " were taken meanwhile: it can no longer be paid");
        }
        return view(payment);
    }

    /** The webhook: a report the provider signed; see {@link #apply}. */
    public String receive(String signature, byte[] body) {
        return apply(provider.verify(signature, body, clock.instant()));
    }

    /**
     * Applies a report of the provider once, however often it arrives. A report that does not fit Evently's
     * payment (another provider reference, another amount or currency) changes nothing and is published
     * as {@code payment.rejected}; one for a payment Evently does not know (yet) is refused, to be sent again.
     * Returns what was done, for the log.
     */
    public String apply(PaymentReport report) {
        if (!inbox.firstDelivery(REPORTS, report.id())) {
            return "report " + report.id() + " applied before";
        }
        Instant now = clock.instant();
        Payment payment = em.find(Payment.class, report.paymentId());
        if (payment == null) {
            // a fast provider can report before the transaction that opened the checkout has committed: the report
            // is refused (and nothing recorded), so that the provider (or the broker) delivers it again shortly
            throw new ConflictException("payment-unknown", "no payment " + report.paymentId() + " (yet): send the"
                    + " report again later");
        }
        lockedBooking(payment.getBooking().getId());
        em.lock(payment, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment);
        if (report.type().aboutRefund()) {
            return refundReported(report, payment, now);
        }
        if (!report.providerReference().equals(payment.getProviderReference())) {
            return rejected(report, payment.getBooking().getId(), "reference-mismatch", now);
        }
        if (!payment.matches(report.amountCents(), report.currency())) {
            return rejected(report, payment.getBooking().getId(), "amount-mismatch", now);
        }
        long bookingId = payment.getBooking().getId();
        if (report.type() == PaymentReport.Type.PAYMENT_FAILED) {
            if (!payment.fail(now)) {
                return "payment " + payment.getId() + " is " + payment.getStatus() + ": a failure report changes nothing";
            }
            announce(DomainEvents.PAYMENT_FAILED, payment, now);
            return "payment " + payment.getId() + " failed; booking " + bookingId + " may be paid again while held";
        }
        if (!payment.succeed(now)) {
            return "payment " + payment.getId() + " had succeeded already";
        }
        announce(DomainEvents.PAYMENT_SUCCEEDED, payment, now);
        if (bookings.takePayment(bookingId, payment.getProviderReference()) == PaymentOutcome.KEPT) {
            return "booking " + bookingId + " confirmed by payment " + payment.getId();
        }
        refunds.oweBack(bookingId, "duplicate-payment");
        return "payment " + payment.getId() + " cannot buy booking " + bookingId + ": owed back";
    }

    /** The booking's payments with their refunds' status, oldest first. */
    public List<PaymentLine> linesOf(long bookingId) {
        Map<Long, String> refundStatus = em.createQuery("select r from Refund r where r.bookingId = :booking",
                        Refund.class)
                .setParameter("booking", bookingId)
                .getResultStream()
                .collect(Collectors.toMap(r -> r.getPayment().getId(), r -> r.getStatus().name()));
        return em.createQuery("select p from Payment p where p.booking.id = :booking order by p.id", Payment.class)
                .setParameter("booking", bookingId)
                .getResultStream()
                .map(p -> new PaymentLine(p.getId(), p.getMethod().name(), p.getStatus().name(), p.getAmountCents(),
                        p.getCurrency(), p.isPending() ? p.getCheckoutUrl() : null, p.getCreatedAt(),
                        refundStatus.get(p.getId())))
                .toList();
    }

    private String refundReported(PaymentReport report, Payment payment, Instant now) {
        Refund refund = em.createQuery("select r from Refund r where r.payment = :payment", Refund.class)
                .setParameter("payment", payment)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        long bookingId = payment.getBooking().getId();
        if (refund == null || refund.getProviderReference() != null
                && !refund.getProviderReference().equals(report.providerReference())) {
            return rejected(report, bookingId, "refund-not-found", now);
        }
        if (!refund.matches(report.amountCents(), report.currency())) {
            return rejected(report, bookingId, "amount-mismatch", now);
        }
        if (report.type() == PaymentReport.Type.REFUND_SUCCEEDED) {
            refunds.succeeded(refund, report.providerReference());
            return "refund " + refund.getId() + " of booking " + bookingId + " succeeded";
        }
        refunds.failed(refund, report.providerReference());
        return "refund " + refund.getId() + " of booking " + bookingId + " failed: left for staff";
    }

    private Booking lockedBooking(long bookingId) {
        Booking booking = RowLocks.granted(() -> em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE));
        if (booking == null) {
            throw new NotFoundException("booking-not-found", "no booking " + bookingId);
        }
        return booking;
    }

    private String rejected(PaymentReport report, long bookingId, String reason, Instant now) {
        announcements.announce(DomainEvents.PAYMENT_REJECTED, new PaymentRejected(bookingId, report.providerReference(),
                report.amountCents(), report.type().publishedName(), reason, now, report.paymentId(), report.currency()),
                now);
        return "report " + report.id() + " (" + report.type().publishedName() + ") rejected: " + reason;
    }

    private void announce(DomainEventType<PaymentChange> type, Payment payment, Instant now) {
        Booking booking = payment.getBooking();
        announcements.announce(type, new PaymentChange(payment.getId(), booking.getId(), booking.getUser().getId(),
                booking.getEvent().getId(), payment.getStatus().name(), payment.getMethod().name(),
                payment.getAmountCents(), payment.getCurrency(), payment.getProviderReference(), now), now);
    }

    private static PaymentView view(Payment p) {
        return new PaymentView(p.getId(), p.getBooking().getId(), p.getStatus().name(), p.getMethod().name(),
                p.getAmountCents(), p.getCurrency(), p.getCheckoutUrl(), p.getCreatedAt());
    }
}
