package dev.evently.booking.control;

/**
 * The cause a tickets mail sent again from the console is queued under (outgoing_mails.cause): no domain event owes
 * it, so it names the booking, which is how the booking's timeline and the resend limit find it.
 */
public final class TicketResendCause {

    private TicketResendCause() {
    }

    public static String of(long bookingId) {
        return "console-resend:booking " + bookingId;
    }
}
