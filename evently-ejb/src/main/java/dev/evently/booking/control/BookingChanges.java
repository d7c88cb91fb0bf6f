package dev.evently.booking.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.booking.entity.Ticket;
import dev.evently.catalog.entity.Seat;
import dev.evently.outbox.boundary.Announcements;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.SeatsReleased;

/**
 * What a booking's change does beyond the booking itself, the same for every use case that makes it: tickets
 * issued for booked seats, seats put back on sale and tickets voided when it ends, and the announcement.
 */
@ApplicationScoped
public class BookingChanges {

    @PersistenceContext
    EntityManager em;

    @Inject
    TicketCodes codes;

    @Inject
    Announcements announcements;

    /** Books the seats, held by the booking and locked by the caller, and issues a ticket for each. */
    public List<Ticket> issueTickets(Booking booking, List<Seat> held, Instant now) {
        List<Ticket> tickets = new ArrayList<>();
        for (Seat seat : held) {
            seat.book();
            Ticket ticket = Ticket.issue(booking, seat, codes.sign(booking.getId(), seat.getId()), now);
            em.persist(ticket);
            tickets.add(ticket);
        }
        return tickets;
    }

    /** Puts the booking's seats, locked by the caller, back on sale, and says so. */
    public void release(Booking booking, List<Seat> held, Instant now) {
        List<Long> released = new ArrayList<>();
        for (Seat seat : held) {
            seat.release();
            released.add(seat.getId());
        }
        if (!released.isEmpty()) {
            announcements.announce(DomainEvents.SEATS_RELEASED,
                    new SeatsReleased(booking.getEvent().getId(), booking.getId(), released), now);
        }
    }

    /** A booking that was paid and ends takes its tickets with it. */
    public void voidTickets(Booking booking) {
        em.createQuery("select t from Ticket t where t.booking = :booking", Ticket.class)
                .setParameter("booking", booking)
                .getResultStream()
                .filter(Ticket::isValid)
                .forEach(Ticket::voidTicket);
    }

    /** Whether a ticket of the booking has been used at the door. */
    public boolean checkedIn(Booking booking) {
        return em.createQuery("select count(t) from Ticket t where t.booking = :booking and t.checkedInAt is not null",
                        Long.class)
                .setParameter("booking", booking)
                .getSingleResult() > 0;
    }

    /** @param previousStatus the status the change left, where it tells something (a cancel after payment) */
    public void announce(DomainEventType<BookingChange> type, Booking booking, BookingStatus previousStatus,
                         Instant now) {
        announcements.announce(type, BookingChange.of(booking, previousStatus, now), now);
    }
}
