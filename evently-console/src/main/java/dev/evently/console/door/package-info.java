/**
 * The door: one ticket code in, one unmistakable answer out (admitted, or why not), as fast as people queue.
 * Admission itself, once per ticket under a row lock, is {@code Tickets.checkIn}; this package only asks and words
 * the answer.
 */
package dev.evently.console.door;
