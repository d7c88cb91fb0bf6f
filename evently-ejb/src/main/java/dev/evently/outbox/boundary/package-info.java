/** Operators' view of the outbox: what waits for the broker. */
package dev.evently.outbox.boundary;
