/**
 * Waitlist: people queue for a sold-out event; when seats come back (a cancel, an expired hold) the next
 * person in join order whose wish fits gets a time-limited offer — a pending booking holding those seats.
 */
package dev.evently.waitlist;
