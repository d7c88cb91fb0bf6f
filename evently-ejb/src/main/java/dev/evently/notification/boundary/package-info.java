/** Turning a domain event into the emails it owes, idempotently, through the server's mail session. */
package dev.evently.notification.boundary;
