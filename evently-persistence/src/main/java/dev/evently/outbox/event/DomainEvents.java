package dev.evently.outbox.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.catalog.entity.Event;
import dev.evently.waitlist.entity.WaitlistEntry;

/**
 * Every domain event Evently publishes on the {@code evently.domain-events} topic: the public contract of the
 * topic (README, "The domain-event topic"). Within a version a payload only gains fields; a breaking change is a
 * new version published alongside. Absent optional fields ({@code null}) are left out of the JSON.
 */
public final class DomainEvents {

    public static final DomainEventType<BookingChange> BOOKING_CREATED = booking("booking.created");
    public static final DomainEventType<BookingChange> BOOKING_CONFIRMED = booking("booking.confirmed");
    public static final DomainEventType<BookingChange> BOOKING_CANCELLED = booking("booking.cancelled");
    public static final DomainEventType<BookingChange> BOOKING_EXPIRED = booking("booking.expired");
    /** Every payment of a cancelled booking has been given back. */
    public static final DomainEventType<BookingChange> BOOKING_REFUNDED = booking("booking.refunded");
    public static final DomainEventType<SeatsReleased> SEATS_RELEASED =
            new DomainEventType<>("seats.released", 1, "event", SeatsReleased.class, SeatsReleased::eventId);
    public static final DomainEventType<EventChange> EVENT_CREATED = event("event.created");
    public static final DomainEventType<EventChange> EVENT_CHANGED = event("event.changed");
    public static final DomainEventType<EventChange> EVENT_CANCELLED = event("event.cancelled");
    public static final DomainEventType<WaitlistJoined> WAITLIST_JOINED =
            new DomainEventType<>("waitlist.joined", 1, "waitlist", WaitlistJoined.class, WaitlistJoined::entryId);
    public static final DomainEventType<WaitlistOffered> WAITLIST_OFFERED =
            new DomainEventType<>("waitlist.offered", 1, "waitlist", WaitlistOffered.class, WaitlistOffered::entryId);
    public static final DomainEventType<PaymentChange> PAYMENT_SUCCEEDED = payment("payment.succeeded");
    public static final DomainEventType<PaymentChange> PAYMENT_FAILED = payment("payment.failed");
    public static final DomainEventType<PaymentRejected> PAYMENT_REJECTED =
            new DomainEventType<>("payment.rejected", 1, "booking", PaymentRejected.class, PaymentRejected::bookingId);
    public static final DomainEventType<RefundChange> REFUND_REQUESTED = refund("payment.refund-requested");
    public static final DomainEventType<RefundChange> REFUND_SUCCEEDED = refund("payment.refunded");
    public static final DomainEventType<RefundChange> REFUND_FAILED = refund("payment.refund-failed");

    private static final Map<String, DomainEventType<?>> BY_NAME = Stream.of(BOOKING_CREATED, BOOKING_CONFIRMED,
                    BOOKING_CANCELLED, BOOKING_EXPIRED, BOOKING_REFUNDED, SEATS_RELEASED, EVENT_CREATED, EVENT_CHANGED,
                    EVENT_CANCELLED, WAITLIST_JOINED, WAITLIST_OFFERED, PAYMENT_SUCCEEDED, PAYMENT_FAILED,
                    PAYMENT_REJECTED, REFUND_REQUESTED, REFUND_SUCCEEDED, REFUND_FAILED)
            .collect(Collectors.toUnmodifiableMap(DomainEventType::name, Function.identity()));

    private DomainEvents() {
    }

    /** The type published under this name, if Evently publishes one. */
    public static Optional<DomainEventType<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<DomainEventType<?>> all() {
        return BY_NAME.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    private static DomainEventType<BookingChange> booking(String name) {
        return new DomainEventType<>(name, 1, "booking", BookingChange.class, BookingChange::bookingId);
    }

    private static DomainEventType<PaymentChange> payment(String name) {
        return new DomainEventType<>(name, 1, "booking", PaymentChange.class, PaymentChange::bookingId);
    }

    private static DomainEventType<RefundChange> refund(String name) {
        return new DomainEventType<>(name, 1, "booking", RefundChange.class, RefundChange::bookingId);
    }

    private static DomainEventType<EventChange> event(String name) {
        return new DomainEventType<>(name, 1, "event", EventChange.class, EventChange::eventId);
    }

    /**
     * A booking as it is after a change: created (held, or offered from the waitlist), confirmed, cancelled (a paid
     * one is then REFUND_PENDING), expired or refunded.
     *
     * @param previousStatus on a cancel, the status the booking left (PENDING, CONFIRMED, or EXPIRED/CANCELLED when
     *                       money came after it ended); else absent
     * @param paymentReference once paid; else absent
     * @param reason why it ended when its buyer did not end it (event-cancelled, seats-taken); else absent
     */
    @JsonbPropertyOrder({"bookingId", "userId", "eventId", "status", "seatIds", "totalCents", "currency",
            "expiresAt", "waitlistOffer", "at", "previousStatus", "paymentReference", "reason"})
    public record BookingChange(long bookingId, long userId, long eventId, String status, List<Long> seatIds,
                                long totalCents, String currency, Instant expiresAt, boolean waitlistOffer,
                                Instant at, String previousStatus, String paymentReference, String reason) {

        public static BookingChange of(Booking booking, BookingStatus previousStatus, Instant at) {
            return new BookingChange(booking.getId(), booking.getUser().getId(), booking.getEvent().getId(),
                    booking.getStatus().name(), booking.getSeatIds().stream().sorted().toList(),
                    booking.getTotalCents(), booking.getCurrency(), booking.getExpiresAt(), booking.isWaitlistOffer(),
                    at, previousStatus == null ? null : previousStatus.name(), booking.getPaymentReference(),
                    booking.getEndReason());
        }

        public BookingStatus bookingStatus() {
            return BookingStatus.valueOf(status);
        }
    }

    /** Seats a booking gave back (cancelled or expired): on sale again, and the waitlist's to offer. */
    @JsonbPropertyOrder({"eventId", "bookingId", "seatIds"})
    public record SeatsReleased(long eventId, long bookingId, List<Long> seatIds) {
    }

    /** An event as it is after an admin's change: created, changed (or published), cancelled. */
    @JsonbPropertyOrder({"eventId", "name", "venue", "startTime", "status", "version"})
    public record EventChange(long eventId, String name, String venue, Instant startTime, String status,
                              long version) {

        public static EventChange of(Event event) {
            return new EventChange(event.getId(), event.getName(), event.getVenue(), event.getStartTime(),
                    event.getStatus().name(), event.getVersion());
        }
    }

    @JsonbPropertyOrder({"entryId", "userId", "eventId", "seatsWanted", "at"})
    public record WaitlistJoined(long entryId, long userId, long eventId, int seatsWanted, Instant at) {

        public static WaitlistJoined of(WaitlistEntry entry, Instant at) {
            return new WaitlistJoined(entry.getId(), entry.getUser().getId(), entry.getEvent().getId(),
                    entry.getSeatsWanted(), at);
        }
    }

    /** Seats held for the waiting person whose turn it is, as the pending booking {@code bookingId}. */
    @JsonbPropertyOrder({"entryId", "userId", "eventId", "bookingId", "seatIds", "totalCents", "offeredUntil", "at"})
    public record WaitlistOffered(long entryId, long userId, long eventId, long bookingId, List<Long> seatIds,
                                  long totalCents, Instant offeredUntil, Instant at) {

        public static WaitlistOffered of(WaitlistEntry entry, Booking offer, Instant at) {
            return new WaitlistOffered(entry.getId(), entry.getUser().getId(), entry.getEvent().getId(),
                    offer.getId(), offer.getSeatIds().stream().sorted().toList(), offer.getTotalCents(),
                    entry.getOfferedUntil(), at);
        }
    }

    /**
     * A payment report that could not be applied and changed nothing (the payment system should look into it).
     *
     * @param reference the provider's reference the report named
     * @param reason reference-mismatch, amount-mismatch or refund-not-found
     */
    @JsonbPropertyOrder({"bookingId", "reference", "amountCents", "status", "reason", "at", "paymentId", "currency"})
    public record PaymentRejected(long bookingId, String reference, long amountCents, String status, String reason,
                                  Instant at, Long paymentId, String currency) {
    }

    /**
     * A payment decided: succeeded (money taken; the booking is confirmed, or, when it cannot be, the money goes back)
     * or failed (the buyer may try again while the hold lasts).
     *
     * @param method PROVIDER, CASH or CARD_TERMINAL
     */
    @JsonbPropertyOrder({"paymentId", "bookingId", "userId", "eventId", "status", "method", "amountCents", "currency",
            "providerReference", "at"})
    public record PaymentChange(long paymentId, long bookingId, long userId, long eventId, String status,
                                String method, long amountCents, String currency, String providerReference,
                                Instant at) {
    }

    /**
     * A refund of a whole payment: requested (owed), succeeded (money back with the buyer) or failed (staff look
     * into it).
     *
     * @param reason cancelled, event-cancelled, seats-taken, duplicate-payment, paid-after-end
     */
    @JsonbPropertyOrder({"refundId", "paymentId", "bookingId", "userId", "eventId", "status", "amountCents", "currency",
            "reason", "providerReference", "at"})
    public record RefundChange(long refundId, long paymentId, long bookingId, long userId, long eventId, String status,
                               long amountCents, String currency, String reason, String providerReference,
                               Instant at) {
    }
}
