package dev.evently.outbox.boundary;

import dev.evently.outbox.event.DomainEventType;

/**
 * An announcement as a whole, for observers that follow every kind at once (the counts on /metrics): the payload
 * alone does not say what happened (one {@code BookingChange} record serves booking.created, .confirmed,
 * .cancelled, .expired and .refunded; one {@code RefundChange} a refund requested, succeeded or failed).
 */
public record Announced(DomainEventType<?> type, Record payload) {
}
