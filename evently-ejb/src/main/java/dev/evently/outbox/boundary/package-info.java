/**
 * The outbox's two faces in the business module: announcing a domain event (to the outbox and to the observers
 * in this server), and the operators' view of what waits for the broker.
 */
package dev.evently.outbox.boundary;
