package dev.evently.notification.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The words of every notification. Plain text, English, times in UTC (the platform keeps no time zone per
 * person or venue); amounts in the event's currency units with two decimals.
 */
public final class MailTexts {

    /** Who a mail goes to. */
    public record Recipient(String email, String name) {
    }

    /** The event a mail is about. */
    public record EventFacts(String name, String venue, Instant startTime) {
    }

    /** A seat as a mail names it; {@code ticketId} once a ticket was issued for it. */
    public record SeatLine(String label, long priceCents, Long ticketId) {

        public SeatLine(String label, long priceCents) {
            this(label, priceCents, null);
        }
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String SIGNATURE = "\n-- \nEvently\n";

    private MailTexts() {
    }

    public static Mail bookingConfirmed(Recipient to, long bookingId, EventFacts event, List<SeatLine> seats,
            long totalCents, String paymentReference) {
        StringBuilder body = greeting(to)
                .append("your booking ").append(bookingId).append(" is confirmed and paid")
                .append(paymentReference == null ? "" : " (payment reference " + paymentReference + ")").append(".\n\n")
                .append(about(event))
                .append("Your tickets:\n").append(seatList(seats))
                .append("Total paid: ").append(money(totalCents)).append("\n\n")
                .append("At the door, show each ticket's QR code: GET /api/tickets/{ticket}/qr, signed in with this account.\n")
                .append(SIGNATURE);
        return new Mail(to.email(), "Your booking " + bookingId + " is confirmed — " + event.name(), body.toString());
    }

    /**
     * A booking ended before its time, and why: its buyer or staff cancelled it, its event was cancelled, or its
     * money came after it had ended (its hold ran out and the seats were sold, or it was cancelled). Money taken
     * is on its way back.
     *
     * @param previousStatus what it was: PENDING, CONFIRMED (paid: tickets void, refund), EXPIRED or CANCELLED
     *                       (paid late: refund)
     * @param reason         event-cancelled, seats-taken, paid-after-cancel, or null when the buyer cancelled
     */
    public static Mail bookingCancelled(Recipient to, long bookingId, EventFacts event, List<SeatLine> seats,
            String previousStatus, String reason, boolean waitlistOffer, long totalCents, String currency) {
        boolean paid = !"PENDING".equals(previousStatus);
        StringBuilder body = greeting(to);
        String subject;
        if ("event-cancelled".equals(reason)) {
            subject = "Cancelled: " + event.name() + " on " + WHEN.format(event.startTime());
            body.append("we are sorry: this event has been cancelled, and with it your booking ").append(bookingId)
                    .append(".\n\n");
        } else if ("seats-taken".equals(reason)) {
            subject = "Your payment for booking " + bookingId + " came too late — " + event.name();
            body.append("your payment for booking ").append(bookingId).append(" arrived after its hold had run out, ")
                    .append("and meanwhile its seats were sold to someone else, so we could not confirm it.\n\n");
        } else if ("paid-after-cancel".equals(reason)) {
            subject = "Your payment for cancelled booking " + bookingId + " — " + event.name();
            body.append("a payment arrived for booking ").append(bookingId).append(", which had been cancelled.\n\n");
        } else if (waitlistOffer && !paid) {
            subject = "You declined the waitlist offer (booking " + bookingId + ") — " + event.name();
            body.append("you declined the seats offered to you from the waitlist (booking ").append(bookingId)
                    .append("); they go to the next person in line.\n\n");
        } else {
            subject = "Your booking " + bookingId + " is cancelled — " + event.name();
            body.append("your booking ").append(bookingId).append(" is cancelled.\n\n");
        }
        body.append(about(event))
                .append("CONFIRMED".equals(previousStatus) ? "The tickets for these seats are no longer valid:\n"
                        : paid ? "Seats:\n" : "These seats are released:\n")
                .append(seatList(seats));
        if (paid) {
            body.append("\nWe are refunding what you paid, ").append(money(totalCents)).append(' ').append(currency)
                    .append(", to the way you paid; we will write again once it is done.\n");
        }
        return new Mail(to.email(), subject, body.append(SIGNATURE).toString());
    }

    /** The money of a cancelled booking is back with its buyer. */
    public static Mail bookingRefunded(Recipient to, long bookingId, EventFacts event, long totalCents,
            String currency) {
        StringBuilder body = greeting(to)
                .append("your refund for booking ").append(bookingId).append(" is done: ")
                .append(money(totalCents)).append(' ').append(currency).append(" went back to the way you paid.\n\n")
                .append(about(event))
                .append(SIGNATURE);
        return new Mail(to.email(), "Refunded: booking " + bookingId + " — " + event.name(), body.toString());
    }

    public static Mail bookingExpired(Recipient to, long bookingId, EventFacts event, List<SeatLine> seats,
            boolean waitlistOffer) {
        StringBuilder body = greeting(to);
        String subject;
        if (waitlistOffer) {
            subject = "Your waitlist offer lapsed (booking " + bookingId + ") — " + event.name();
            body.append("the seats offered to you from the waitlist (booking ").append(bookingId)
                    .append(") were not paid for in time, so the offer lapsed and they go to the next person in line.\n\n");
        } else {
            subject = "Your hold expired (booking " + bookingId + ") — " + event.name();
            body.append("booking ").append(bookingId)
                    .append(" was not paid before its hold ran out, so the seats are on sale again.\n\n");
        }
        body.append(about(event))
                .append("Seats:\n").append(seatList(seats))
                .append("\nIf you still want to go, book again while seats are available.\n")
                .append(SIGNATURE);
        return new Mail(to.email(), subject, body.toString());
    }

    public static Mail waitlistOffered(Recipient to, long bookingId, EventFacts event, List<SeatLine> seats,
            long totalCents, Instant offeredUntil) {
        StringBuilder body = greeting(to)
                .append("seats came back and are held for you from the waitlist.\n\n")
                .append(about(event))
                .append("Seats:\n").append(seatList(seats))
                .append("Total: ").append(money(totalCents)).append("\n\n")
                .append("They are yours if you pay before ").append(DEADLINE.format(offeredUntil)).append(": booking ")
                .append(bookingId).append(" is pending for you; POST /api/bookings/").append(bookingId).append("/payments")
                .append(" gives you the checkout to pay it at.\n")
                .append("After that the offer lapses and the seats go to the next person in line. Not interested? ")
                .append("POST /api/bookings/").append(bookingId).append("/cancel releases them at once.\n")
                .append(SIGNATURE);
        return new Mail(to.email(), "Seats for you from the waitlist — " + event.name() + ": pay by "
                + DEADLINE.format(offeredUntil), body.toString());
    }

    static String money(long cents) {
        return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", Math.abs(cents) / 100, Math.abs(cents) % 100);
    }

    private static StringBuilder greeting(Recipient to) {
        return new StringBuilder("Hello ").append(to.name()).append(",\n\n");
    }

    private static String about(EventFacts event) {
        return "  " + event.name() + "\n  " + event.venue() + ", " + WHEN.format(event.startTime()) + "\n\n";
    }

    private static String seatList(List<SeatLine> seats) {
        int width = seats.stream().mapToInt(seat -> seat.label().length()).max().orElse(0);
        StringBuilder list = new StringBuilder();
        for (SeatLine seat : seats) {
            list.append("  ").append(seat.label()).append(" ".repeat(width - seat.label().length()))
                    .append("  ").append(money(seat.priceCents()));
            if (seat.ticketId() != null) {
                list.append("  ticket ").append(seat.ticketId());
            }
            list.append('\n');
        }
        return list.toString();
    }
}
