/**
 * Notifications: the emails people get when something happens to their bookings — confirmed (with the
 * tickets), cancelled, a hold or waitlist offer run out, a waitlist offer made, an event cancelled. Driven by
 * the domain events on the topic, one email per event and person, each sent once.
 */
package dev.evently.notification;
