package dev.evently.notification.boundary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.accounts.entity.User;
import dev.evently.booking.control.TicketResendCause;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.booking.entity.Ticket;
import dev.evently.catalog.entity.Event;
import dev.evently.catalog.entity.Seat;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.WaitlistOffered;
import dev.evently.outbox.event.ReceivedEvent;
import dev.evently.notification.control.Mail;
import dev.evently.notification.control.MailQueue;
import dev.evently.notification.control.MailTexts;
import dev.evently.notification.control.MailTexts.EventFacts;
import dev.evently.notification.control.MailTexts.Recipient;
import dev.evently.notification.control.MailTexts.SeatLine;
import dev.evently.platform.control.Inbox;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;

/**
 * The emails a domain event owes, each owed once: the message is recorded in the inbox and its mail in the mail
 * queue in one transaction, and {@link OutgoingMails} sends it once that has committed. Nothing here waits for
 * the mail server: while it is away the events are consumed as ever and their mails wait in the queue.
 */
@Stateless
public class Notifications {

    static final String CONSUMER = "notifications";

    /** Tickets mails staff may send again for one booking in a day: enough for a lost mail, too few to flood. */
    static final int RESENDS_PER_DAY = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    MailQueue queue;

    /**
     * Queues what the domain event owes, once per event.
     *
     * @return how many mails it owes (0 for a redelivery or an event that owes none)
     */
    public int notify(ReceivedEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return 0;
        }
        if (event.is(DomainEvents.BOOKING_CONFIRMED)) {
            return owed(event, bookingConfirmed(event.payload(DomainEvents.BOOKING_CONFIRMED)));
        }
        if (event.is(DomainEvents.BOOKING_CANCELLED)) {
            return owed(event, bookingCancelled(event.payload(DomainEvents.BOOKING_CANCELLED)));
        }
        if (event.is(DomainEvents.BOOKING_EXPIRED)) {
            return owed(event, bookingExpired(event.payload(DomainEvents.BOOKING_EXPIRED)));
        }
        if (event.is(DomainEvents.WAITLIST_OFFERED)) {
            return owed(event, waitlistOffered(event.payload(DomainEvents.WAITLIST_OFFERED)));
        }
        if (event.is(DomainEvents.BOOKING_REFUNDED)) {
            return owed(event, bookingRefunded(event.payload(DomainEvents.BOOKING_REFUNDED)));
        }
        return 0;
    }

    /**
     * Queues the tickets mail of a confirmed booking again, the same mail its confirmation queued, as staff asked
     * (the buyer lost it). Refused while a tickets mail to the buyer is still waiting to go out, and after
     * {@value #RESENDS_PER_DAY} resends in a day: a console button pressed again and again sends no flood.
     *
     * @return the address it goes to
     */
    public String resendTickets(long bookingId) {
        Booking booking = em.find(Booking.class, bookingId);
        if (booking == null) {
            throw new NotFoundException("booking-not-found", "no booking " + bookingId);
        }
        if (booking.getStatus() != BookingStatus.CONFIRMED) {
            throw new ConflictException("booking-not-confirmed", "booking " + bookingId + " is "
                    + booking.getStatus() + ": only a confirmed booking has tickets to send");
        }
        Mail mail = bookingConfirmed(bookingId, booking.getUser().getId(), booking.getEvent().getId(),
                booking.getTotalCents(), booking.getPaymentReference());
        String cause = TicketResendCause.of(bookingId);
        Object[] waiting = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where status = 'PENDING' and (subject = ?2 or cause = ?3)) as waiting,
                               count(*) filter (where cause = ?4 and created_at > ?5) as resent
                        from outgoing_mails where recipient = ?1""")
                .setParameter(1, mail.to())
                .setParameter(2, mail.subject())
                .setParameter(3, cause)
                .setParameter(4, cause)
                .setParameter(5, Instant.now().minus(1, ChronoUnit.DAYS))
                .getSingleResult();
        if (((Number) waiting[0]).longValue() > 0) {
            throw new ConflictException("tickets-mail-pending",
                    "a tickets mail for booking " + bookingId + " is still waiting to go out");
        }
        if (((Number) waiting[1]).longValue() >= RESENDS_PER_DAY) {
            throw new ConflictException("tickets-resent-too-often", "the tickets of booking " + bookingId
                    + " were sent again " + RESENDS_PER_DAY + " times today already");
        }
        queue.add(mail, cause);
        return mail.to();
    }

    private Mail bookingConfirmed(BookingChange booking) {
        return bookingConfirmed(booking.bookingId(), booking.userId(), booking.eventId(), booking.totalCents(),
                booking.paymentReference());
    }

    private Mail bookingConfirmed(long bookingId, long userId, long eventId, long totalCents, String paymentReference) {
        List<SeatLine> seats = em.createQuery("""
                        select t from Ticket t join fetch t.seat where t.booking.id = :booking order by t.seat.id""", Ticket.class)
                .setParameter("booking", bookingId)
                .getResultStream()
                .map(ticket -> new SeatLine(ticket.getSeat().getLabel(), ticket.getSeat().getPriceCents(), ticket.getId()))
                .toList();
        return MailTexts.bookingConfirmed(recipient(userId), bookingId, event(eventId), seats, totalCents,
                paymentReference);
    }

    private Mail bookingCancelled(BookingChange booking) {
        return MailTexts.bookingCancelled(recipient(booking.userId()), booking.bookingId(), event(booking.eventId()),
                seats(booking.seatIds()), booking.previousStatus(), booking.reason(), booking.waitlistOffer(),
                booking.totalCents(), booking.currency());
    }

    private Mail bookingRefunded(BookingChange booking) {
        return MailTexts.bookingRefunded(recipient(booking.userId()), booking.bookingId(), event(booking.eventId()),
                booking.totalCents(), booking.currency());
    }

    private Mail bookingExpired(BookingChange booking) {
        return MailTexts.bookingExpired(recipient(booking.userId()), booking.bookingId(), event(booking.eventId()),
                seats(booking.seatIds()), booking.waitlistOffer());
    }

    private Mail waitlistOffered(WaitlistOffered offer) {
        return MailTexts.waitlistOffered(recipient(offer.userId()), offer.bookingId(), event(offer.eventId()),
                seats(offer.seatIds()), offer.totalCents(), offer.offeredUntil());
    }

    private int owed(ReceivedEvent event, Mail mail) {
        queue.add(mail, event.id());
        return 1;
    }

    private Recipient recipient(long userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new IllegalArgumentException("no user " + userId);
        }
        return new Recipient(user.getEmail(), user.getName());
    }

    private EventFacts event(long eventId) {
        return facts(em.find(Event.class, eventId));
    }

    private static EventFacts facts(Event event) {
        if (event == null) {
            throw new IllegalArgumentException("the event of the message does not exist");
        }
        return new EventFacts(event.getName(), event.getVenue(), event.getStartTime());
    }

    /** The seats the message names (a released seat no longer points at the booking it was in); a few at most. */
    private List<SeatLine> seats(List<Long> ids) {
        return ids.stream().sorted()
                .map(id -> em.find(Seat.class, id))
                .map(seat -> new SeatLine(seat.getLabel(), seat.getPriceCents()))
                .toList();
    }
}
