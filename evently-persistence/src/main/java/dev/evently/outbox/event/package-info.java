/**
 * The catalogue of published domain events ({@link dev.evently.outbox.event.DomainEvents}): each type's name,
 * version, aggregate and payload record. Producers announce with it, the outbox carries it to the broker's
 * topic, and consumers read it back with it; a new event or a changed payload is one edit in one file.
 */
package dev.evently.outbox.event;
