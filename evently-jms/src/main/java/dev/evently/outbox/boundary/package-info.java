/**
 * The outbox relay: publishes the domain events written to the outbox table to the broker's
 * {@code evently.domain-events} topic, in order, at least once, retrying with back-off while the broker is away.
 */
package dev.evently.outbox.boundary;
