package dev.evently.waitlist.boundary;

import java.time.Instant;

/**
 * A place in a waitlist as its owner sees it. {@code position} (1 = next) only while WAITING; {@code offer}
 * only while OFFERED or once converted.
 */
public record WaitlistEntryView(long id, long eventId, String eventName, int seatsWanted, String status,
                                Integer position, Instant joinedAt, Offer offer) {

    /** The booking that holds the offered seats, to be confirmed (paid) before {@code until}. */
    public record Offer(long bookingId, Instant until) {
    }
}
