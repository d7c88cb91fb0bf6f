/** The inbound payment queue: payment systems confirm or cancel bookings by message. */
package dev.evently.booking.messaging;
