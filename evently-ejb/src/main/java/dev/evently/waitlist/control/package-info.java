/** Settling waitlist offers when their bookings end. */
package dev.evently.waitlist.control;
