package dev.evently.console.events;

import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

/**
 * The catalogue's refusals as the event editor says them: a plain sentence per case, never the exception's own
 * text (written for API clients and logs). A failure that is no refusal gets no sentence here; the editor logs it
 * and says that it could not save.
 */
final class Refusals {

    static final String STALE = "Someone changed this event since you opened it: reload the page and make your"
            + " change again.";
    static final String SEATS_TAKEN = "Seats of this event are already sold or held: its layout can no longer"
            + " change. Nothing was saved.";

    private Refusals() {
    }

    /** The sentence for a refusal, or null when the failure is not one (then it is unexpected). */
    static String sentence(Throwable failure) {
        if (stale(failure)) {
            return STALE;
        }
        if (failure instanceof ConflictException conflict) {
            return switch (conflict.type()) {
                case "seats-sold" -> SEATS_TAKEN;
                case "event-cancelled" -> "This event is cancelled: it can no longer change.";
                case "event-not-draft" -> "Only a draft can be published, and this event is no longer one:"
                        + " reload the page.";
                case "event-has-no-seats" -> "This event has no seats yet: give it a layout before publishing it.";
                case "seat-map-exists" -> "This event already has a seat map: reload the page.";
                default -> "This change does not fit the event as it is now: reload the page and try again.";
            };
        }
        if (failure instanceof NotFoundException) {
            return "This event no longer exists.";
        }
        if (failure instanceof InvalidRequestException invalid) {
            String field = invalid.field() == null ? "" : invalid.field();
            return switch (field) {
                case "startTime" -> "The start must be in the future.";
                case "endTime" -> "The end must be after the start.";
                case "sections", "rows", "seatsPerRow", "priceCents" ->
                        "The layout is not valid: check its sections' names, rows, seats and prices.";
                default -> "One of the fields is not valid: check them and save again.";
            };
        }
        return null;
    }

    /**
     * A stale version: the editor's version was not the event's, or another change committed between the check
     * and this one's write (the JPA version check then fails instead).
     */
    static boolean stale(Throwable failure) {
        if (failure instanceof ConflictException conflict && "stale-version".equals(conflict.type())) {
            return true;
        }
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
