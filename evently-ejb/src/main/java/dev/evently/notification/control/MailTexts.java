package dev.evently.notification.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /** @param wasConfirmed the booking had been paid: its tickets are void now */
    public static Mail bookingCancelled(Recipient to, long bookingId, EventFacts event, List<SeatLine> seats,
            boolean wasConfirmed, boolean waitlistOffer) {
        StringBuilder body = greeting(to);
        String subject;
        if (waitlistOffer && !wasConfirmed) {
            subject = "You declined the waitlist offer (booking " + bookingId + ") — " + event.name();
            body.append("you declined the seats offered to you from the waitlist (booking ").append(bookingId)
                    .append("); they go to the next person in line.\n\n");
        } else {
            subject = "Your booking " + bookingId + " is cancelled — " + event.name();
            body.append("your booking ").append(bookingId).append(" is cancelled.\n\n");
        }
        body.append(about(event))
                .append(wasConfirmed ? "The tickets for these seats are no longer valid:\n" : "These seats are released:\n")
                .append(seatList(seats))
                .append(SIGNATURE);
        return new Mail(to.email(), subject, body.toString());
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
                .append("They are yours if you pay before ").append(DEADLINE.format(offeredUntil)).append(": confirm booking ")
                .append(bookingId).append(" with POST /api/bookings/").append(bookingId).append("/confirm")
                .append(" and your payment reference, {\"paymentReference\": \"...\"}.\n")
                .append("After that the offer lapses and the seats go to the next person in line. Not interested? ")
                .append("POST /api/bookings/").append(bookingId).append("/cancel releases them at once.\n")
                .append(SIGNATURE);
        return new Mail(to.email(), "Seats for you from the waitlist — " + event.name() + ": pay by "
                + DEADLINE.format(offeredUntil), body.toString());
    }

    /** @param seats the seats of every booking the person holds for the event */
    public static Mail eventCancelled(Recipient to, EventFacts event, List<Long> bookingIds, List<SeatLine> seats) {
        StringBuilder body = greeting(to)
                .append("we are sorry: this event has been cancelled.\n\n")
                .append(about(event))
                .append(bookingIds.size() == 1 ? "Your booking " : "Your bookings ")
                .append(bookingIds.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(" for these seats will not be admitted:\n").append(seatList(seats))
                .append(SIGNATURE);
        return new Mail(to.email(), "Cancelled: " + event.name() + " on " + WHEN.format(event.startTime()),
                body.toString());
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
