/** Settling waitlist offers when their bookings end, as those bookings are announced. */
package dev.evently.waitlist.control;
