package dev.evently.platform.metrics;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import dev.evently.outbox.boundary.Announced;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;

/**
 * What sold and what did not, counted on this instance: hold requests by outcome (counted where the hold's
 * outcome is known, {@code booking.boundary.HoldOutcomes}), and bookings, payments and refunds as they were
 * announced, once their transaction committed (a rolled-back change counts nothing). Counters are per instance;
 * Prometheus sums them.
 */
@ApplicationScoped
public class SalesMetrics implements RegistersMetrics {

    /** What became of a hold request. */
    public enum HoldOutcome {
        /** Seats held, a new booking. */
        HELD,
        /** A retry with the same Idempotency-Key answered with the booking its first try made. */
        REPLAYED,
        /** Some seats were taken already (409 seats-unavailable). */
        CONFLICT,
        /** The buyer holds as many unpaid seats of the event as one may (409 hold-limit-reached). */
        LIMIT,
        /** A seat's row lock was not granted within the lock timeout (409 seats-busy). */
        LOCK_TIMEOUT,
        /** Any other refusal: not on sale, no such event, an invalid request, a reused key. */
        REFUSED,
        /** An unexpected failure (a 500). */
        ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    MeterRegistry registry;

    private CounterFamily holds;
    private CounterFamily bookings;
    private final Map<DomainEventType<?>, Runnable> counted = new IdentityHashMap<>();

    @PostConstruct
    void register() {
        holds = CounterFamily.register(registry, "evently_holds_total",
                "Hold requests by outcome: held, replayed, conflict, limit, lock_timeout, refused, error",
                "outcome", Arrays.stream(HoldOutcome.values()).map(HoldOutcome::tag).toList());
        bookings = CounterFamily.register(registry, "evently_bookings_total",
                "Booking changes committed: created (held), offered (a waitlist offer), confirmed, cancelled, expired,"
                        + " refunded", "change",
                List.of("created", "offered", "confirmed", "cancelled", "expired", "refunded"));
        CounterFamily payments = CounterFamily.register(registry, "evently_payments_total",
                "Payment reports applied: succeeded, failed, rejected (could not be applied)", "outcome",
                List.of("succeeded", "failed", "rejected"));
        CounterFamily refunds = CounterFamily.register(registry, "evently_refunds_total",
                "Refunds of whole payments: requested (owed), succeeded (money back), failed", "outcome",
                List.of("requested", "succeeded", "failed"));
        counted.put(DomainEvents.BOOKING_CONFIRMED, () -> bookings.inc("confirmed"));
        counted.put(DomainEvents.BOOKING_CANCELLED, () -> bookings.inc("cancelled"));
        counted.put(DomainEvents.BOOKING_EXPIRED, () -> bookings.inc("expired"));
        counted.put(DomainEvents.BOOKING_REFUNDED, () -> bookings.inc("refunded"));
        counted.put(DomainEvents.PAYMENT_SUCCEEDED, () -> payments.inc("succeeded"));
        counted.put(DomainEvents.PAYMENT_FAILED, () -> payments.inc("failed"));
        counted.put(DomainEvents.PAYMENT_REJECTED, () -> payments.inc("rejected"));
        counted.put(DomainEvents.REFUND_REQUESTED, () -> refunds.inc("requested"));
        counted.put(DomainEvents.REFUND_SUCCEEDED, () -> refunds.inc("succeeded"));
        counted.put(DomainEvents.REFUND_FAILED, () -> refunds.inc("failed"));
    }

    public void hold(HoldOutcome outcome) {
        holds.inc(outcome.tag());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Announced announced) {
        if (announced.type() == DomainEvents.BOOKING_CREATED) {
            bookings.inc(((BookingChange) announced.payload()).waitlistOffer() ? "offered" : "created");
            return;
        }
        Runnable count = counted.get(announced.type());
        if (count != null) {
            count.run();
        }
    }
}
