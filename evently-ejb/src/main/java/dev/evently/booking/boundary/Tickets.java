package dev.evently.booking.boundary;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.control.QrCodes;
import dev.evently.booking.control.TicketCodes;
import dev.evently.booking.entity.Ticket;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

/** Tickets: their QR codes for the owner, and admission at the door, once per ticket. */
@Stateless
public class Tickets {

    @PersistenceContext
    EntityManager em;

    @Inject
    TicketCodes codes;

    @Inject
    QrCodes qr;

    Clock clock = Clock.systemUTC();

    public byte[] qrPng(long userId, boolean admin, long ticketId) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        if (ticket == null || !(admin || ticket.getBooking().isOwnedBy(userId))) {
            throw new NotFoundException("ticket-not-found", "no ticket " + ticketId);
        }
        return qr.png(ticket.getCode());
    }

    /** Admits the holder of a genuine, valid ticket once; the row lock makes two scanners agree. */
    public TicketView checkIn(String code) {
        if (codes.verify(code).isEmpty()) {
            throw new InvalidRequestException("code", "not a genuine Evently ticket code");
        }
        List<Ticket> found = em.createQuery("select t from Ticket t where t.code = :code", Ticket.class)
                .setParameter("code", code.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("ticket-not-found", "no ticket with this code");
        }
        Ticket ticket = found.get(0);
        ticket.checkIn(clock.instant());
        return new TicketView(ticket.getId(), ticket.getBooking().getId(), ticket.getBooking().getEvent().getId(),
                ticket.getBooking().getEvent().getName(), ticket.getSeat().getLabel(), ticket.getStatus().name(),
                ticket.getCheckedInAt());
    }
}
