package dev.evently.booking.entity;

import java.time.Instant;

import dev.evently.platform.errors.ConflictException;

/**
 * A second scan of a ticket already admitted: door staff need to know when the first one was, to tell a
 * copied ticket from a guest who stepped out, so the moment travels with the refusal instead of only in its text.
 */
public class TicketAlreadyCheckedInException extends ConflictException {

    private final Instant checkedInAt;

    public TicketAlreadyCheckedInException(Instant checkedInAt) {
        super("ticket-already-checked-in", "ticket already checked in at " + checkedInAt);
        this.checkedInAt = checkedInAt;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }
}
