/**
 * Booking: holding exact seats under row locks, confirming with a payment, issuing signed tickets,
 * cancelling and expiring holds — never selling a seat twice.
 */
package dev.evently.booking;
