/**
 * Domain events written in the same transaction as the change they describe, for a relay to publish
 * to the broker later: a broker outage delays an event but can neither lose it nor fail a booking.
 */
package dev.evently.outbox.entity;
