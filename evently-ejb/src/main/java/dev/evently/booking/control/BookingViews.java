package dev.evently.booking.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.boundary.BookingView;
import dev.evently.booking.boundary.BookingView.SeatLine;
import dev.evently.booking.boundary.BookingView.TicketLine;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.Ticket;
import dev.evently.catalog.entity.Seat;

/** Assembles booking views with one query for all their seats and one for all their tickets. */
@ApplicationScoped
public class BookingViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    public BookingView of(Booking booking) {
        return of(List.of(booking)).get(0);
    }

    /** The view of a booking whose seats and tickets the caller has at hand: no query. */
    public BookingView of(Booking booking, List<Seat> seats, List<Ticket> tickets) {
        return view(booking, seats.stream().collect(Collectors.toMap(Seat::getId, s -> s)), tickets);
    }

    public List<BookingView> of(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return List.of();
        }
        List<Long> seatIds = bookings.stream().flatMap(b -> b.getSeatIds().stream()).distinct().toList();
        Map<Long, Seat> seatsById = seats.byIds(seatIds);
        Map<Long, List<Ticket>> tickets = em.createQuery(
                        "select t from Ticket t where t.booking in :bookings order by t.id", Ticket.class)
                .setParameter("bookings", bookings)
                .getResultStream()
                .collect(Collectors.groupingBy(t -> t.getBooking().getId()));
        return bookings.stream().map(b -> view(b, seatsById, tickets.getOrDefault(b.getId(), List.of()))).toList();
    }

    private static BookingView view(Booking b, Map<Long, Seat> seats, Collection<Ticket> tickets) {
        List<SeatLine> lines = b.getSeatIds().stream().sorted().map(seats::get)
                .map(s -> new SeatLine(s.getId(), s.getLabel(), s.getSection(), s.getRowLabel(), s.getNumber(),
                        s.getPriceCents()))
                .toList();
        List<TicketLine> ticketLines = tickets.stream()
                .map(t -> new TicketLine(t.getId(), t.getSeat().getId(), t.getCode(), t.getStatus().name(),
                        t.getCheckedInAt()))
                .toList();
        return new BookingView(b.getId(), b.getStatus().name(), b.getEvent().getId(), b.getEvent().getName(), lines,
                b.getTotalCents(), b.getCurrency(), b.getExpiresAt(), b.getCreatedAt(), b.getPaymentReference(),
                b.getEndReason(), ticketLines, null);
    }
}
