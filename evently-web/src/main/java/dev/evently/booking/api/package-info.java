/**
 * HTTP face of booking: holds, confirmation, cancellation, the caller's bookings, tickets and check-in.
 */
package dev.evently.booking.api;
