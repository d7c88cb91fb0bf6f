package dev.evently.console.door;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.evently.booking.boundary.TicketView;
import dev.evently.booking.entity.TicketAlreadyCheckedInException;
import dev.evently.platform.errors.BusinessException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.LockContention;
import dev.evently.platform.errors.NotFoundException;

/**
 * The answer the door shows for one scan: admitted or not, a headline readable from a step away, a detail line,
 * and the time it was given, so that two refusals in a row are visibly two answers. Only these words reach the
 * screen, never an exception's text.
 *
 * @param admitted whether the holder may go in (green) or not (red)
 * @param answeredAt the console's clock time of the answer, e.g. 19:42:07
 */
public record Admission(boolean admitted, String headline, String detail, String answeredAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** The ticket was genuine, valid and not used: its event and seat, for the usher. */
    public static Admission admitted(TicketView ticket, Clock clock) {
        return new Admission(true, "Admitted", ticket.eventName() + " · Seat " + ticket.seatLabel(), now(clock));
    }

    /** Why a scan admitted nobody, in the words door staff act on; {@code failure} already unwrapped. */
    public static Admission refused(Throwable failure, Clock clock) {
        if (failure instanceof TicketAlreadyCheckedInException used) {
            return refusal("Already checked in at " + when(used, clock),
                    "The same ticket was let in before: a copy, or the guest went out", clock);
        }
        if (failure instanceof InvalidRequestException) {
            return refusal("Not a genuine ticket", "The code is not one Evently signed", clock);
        }
        if (failure instanceof NotFoundException) {
            return refusal("Unknown ticket", "No ticket has this code", clock);
        }
        if (failure instanceof BusinessException business && "ticket-void".equals(business.type())) {
            return refusal("Ticket cancelled", "Its booking was cancelled or refunded", clock);
        }
        if (LockContention.anywhereIn(failure)) {
            return refusal("Scan again", "This ticket is being checked at another door right now", clock);
        }
        return refusal("Could not check this ticket", "Scan again; if it keeps failing, call a supervisor", clock);
    }

    /** Whether the failure is one the door expects; anything else is worth a line in the server log. */
    public static boolean expected(Throwable failure) {
        return failure instanceof BusinessException || LockContention.anywhereIn(failure);
    }

    private static Admission refusal(String headline, String detail, Clock clock) {
        return new Admission(false, headline, detail, now(clock));
    }

    private static String when(TicketAlreadyCheckedInException used, Clock clock) {
        ZonedDateTime at = used.checkedInAt().atZone(clock.getZone());
        return at.toLocalDate().equals(LocalDate.now(clock)) ? HOUR.format(at) : DAY_HOUR.format(at);
    }

    private static String now(Clock clock) {
        return TIME.format(ZonedDateTime.now(clock));
    }
}
