/**
 * The door: one ticket code in, one unmistakable answer out (admitted, or why not), as fast as people queue.
 * Admission itself, once per ticket under a row lock, is {@code Tickets.checkIn}; this package only asks, words
 * the answer, adds the event's count of tickets checked in and has the answer put on the audit log.
 */
package dev.evently.console.door;
