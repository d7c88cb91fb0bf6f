/**
 * Domain events on the broker: the relay that publishes the outbox to the {@code evently.domain-events} topic
 * (in order, at least once, retrying with back-off while the broker is away), the published form of an event
 * (the versioned JSON envelope and its message properties) and that envelope as a consumer receives it.
 */
package dev.evently.outbox.messaging;
