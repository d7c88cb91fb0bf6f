/**
 * Notifications: the emails people get when something happens to their bookings — confirmed (with the
 * tickets), cancelled, a hold or waitlist offer run out, a waitlist offer made, an event cancelled. Driven by
 * the domain events, one email per event and person. The mails are queued in the database as the outbox publishes
 * the events, in the transaction that marks them published, and sent from there once that has committed, whether
 * the mail server is there then or an hour later.
 */
package dev.evently.notification;
