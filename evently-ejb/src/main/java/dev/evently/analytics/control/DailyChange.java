package dev.evently.analytics.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.WaitlistJoined;
import dev.evently.outbox.event.DomainEvents.WaitlistOffered;

/**
 * What one domain event adds to its event's figures of its day (UTC). Figures are net: cancelling a paid
 * booking is a refund, so it takes the booking's seats and revenue back out.
 */
public record DailyChange(long eventId, LocalDate day, int bookings, int seatsSold, long revenueCents,
                          int cancellations, int expiries, int waitlistJoins, int waitlistOffers) {

    /** The types that may change the figures; an event of another type is not worth reading. */
    private static final Set<DomainEventType<?>> COUNTED = Set.of(DomainEvents.BOOKING_CREATED,
            DomainEvents.BOOKING_CONFIRMED, DomainEvents.BOOKING_CANCELLED, DomainEvents.BOOKING_EXPIRED,
            DomainEvents.WAITLIST_JOINED, DomainEvents.WAITLIST_OFFERED);

    /** Whether events of the type may be counted ({@code null}: a type Evently does not publish, never). */
    public static boolean counts(DomainEventType<?> type) {
        return type != null && COUNTED.contains(type);
    }

    /** @return empty for a type analytics does not count */
    public static Optional<DailyChange> of(DomainEventType<?> type, Record payload) {
        if (!counts(type)) {
            return Optional.empty();
        }
        if (payload instanceof BookingChange b) {
            int seats = b.seatIds().size();
            if (type == DomainEvents.BOOKING_CREATED) {
                return counts(b.eventId(), b.at(), 1, 0, 0, 0, 0, 0, 0);
            }
            if (type == DomainEvents.BOOKING_CONFIRMED) {
                return counts(b.eventId(), b.at(), 0, seats, b.totalCents(), 0, 0, 0, 0);
            }
            if (type == DomainEvents.BOOKING_CANCELLED) {
                // money that came after a booking had ended (expired, cancelled) goes back: no sale, no cancellation
                return switch (String.valueOf(b.previousStatus())) {
                    case "CONFIRMED" -> counts(b.eventId(), b.at(), 0, -seats, -b.totalCents(), 1, 0, 0, 0);
                    case "PENDING" -> counts(b.eventId(), b.at(), 0, 0, 0, 1, 0, 0, 0);
                    default -> Optional.empty();
                };
            }
            if (type == DomainEvents.BOOKING_EXPIRED) {
                return counts(b.eventId(), b.at(), 0, 0, 0, 0, 1, 0, 0);
            }
        }
        if (payload instanceof WaitlistJoined j) {
            return counts(j.eventId(), j.at(), 0, 0, 0, 0, 0, 1, 0);
        }
        if (payload instanceof WaitlistOffered o) {
            return counts(o.eventId(), o.at(), 0, 0, 0, 0, 0, 0, 1);
        }
        return Optional.empty();
    }

    /** Both changes, of one event and day, as one. */
    public DailyChange plus(DailyChange other) {
        if (other.eventId != eventId || !other.day.equals(day)) {
            throw new IllegalArgumentException("changes of different rows: " + this + " and " + other);
        }
        return new DailyChange(eventId, day, bookings + other.bookings, seatsSold + other.seatsSold,
                revenueCents + other.revenueCents, cancellations + other.cancellations, expiries + other.expiries,
                waitlistJoins + other.waitlistJoins, waitlistOffers + other.waitlistOffers);
    }

    private static Optional<DailyChange> counts(long eventId, Instant at, int bookings, int seatsSold,
                                                long revenueCents, int cancellations, int expiries, int joins,
                                                int offers) {
        if (at == null) {
            throw new IllegalArgumentException("the event names no time ('at'): it cannot be counted on a day");
        }
        return Optional.of(new DailyChange(eventId, LocalDate.ofInstant(at, ZoneOffset.UTC), bookings, seatsSold,
                revenueCents, cancellations, expiries, joins, offers));
    }
}
