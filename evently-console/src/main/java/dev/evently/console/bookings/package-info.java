/**
 * The bookings pages: one search box over bookings with its results exported as CSV, and one booking with its
 * timeline and what staff may do to it (cancel, refund, send its tickets again).
 */
package dev.evently.console.bookings;
