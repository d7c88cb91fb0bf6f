package dev.evently.booking.boundary;

import java.util.List;

/** A page of a user's bookings, newest first. */
public record BookingPage(List<BookingView> items, int page, int size, long total) {
}
