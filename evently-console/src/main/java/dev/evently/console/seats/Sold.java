package dev.evently.console.seats;

import java.io.Serializable;
import java.util.List;

import dev.evently.console.platform.Money;
import dev.evently.booking.boundary.BookingView;
import dev.evently.booking.boundary.BookingView.SeatLine;

/** A sale the box office just made, as the page shows it: the booking, its amount and its tickets' seats and codes. */
public record Sold(long bookingId, String amount, List<SoldTicket> tickets) implements Serializable {

    /** @param code the first characters of the ticket's code only */
    public record SoldTicket(String seat, String code) implements Serializable {
    }

    static Sold of(BookingView booking) {
        List<SoldTicket> tickets = booking.tickets() == null ? List.of() : booking.tickets().stream()
                .map(t -> new SoldTicket(booking.seats().stream().filter(s -> s.id() == t.seatId())
                        .map(SeatLine::label).findFirst().orElse(""), SaleRefusals.shortened(t.code())))
                .toList();
        return new Sold(booking.id(), Money.format(booking.totalCents(), booking.currency()), tickets);
    }
}
