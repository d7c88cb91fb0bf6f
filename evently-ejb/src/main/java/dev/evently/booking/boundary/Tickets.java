package dev.evently.booking.boundary;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.control.QrCodes;
import dev.evently.booking.control.TicketCodes;
import dev.evently.booking.entity.Ticket;
import dev.evently.booking.entity.TicketStatus;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;

/**
 * Tickets: their QR codes for the owner, admission at the door, once per ticket, and how far admission to an event
 * has come. The door's reads are short JPQL beside the check-in's own lookup: tickets have no control class.
 */
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

    /** The event's valid tickets and how many of them were checked in, as of now; only reads. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DoorCounts doorCounts(long eventId) {
        Object[] counts = em.createQuery("""
                        select count(t), count(t.checkedInAt) from Ticket t
                        where t.booking.event.id = :event and t.status = :valid""", Object[].class)
                .setParameter("event", eventId)
                .setParameter("valid", TicketStatus.VALID)
                .getSingleResult();
        return new DoorCounts(eventId, ((Number) counts[1]).longValue(), ((Number) counts[0]).longValue());
    }

    /**
     * The counts of the event of the ticket with this code, for a door that has only the code (a refusal names no
     * event); empty when no ticket has it. Only reads, unlocked.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DoorCounts> doorCountsOf(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select t.booking.event.id from Ticket t where t.code = :code", Long.class)
                .setParameter("code", code.strip())
                .getResultStream()
                .findFirst()
                .map(this::doorCounts);
    }
}
