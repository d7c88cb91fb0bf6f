package dev.evently.notification.boundary;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.accounts.entity.User;
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

/**
 * The emails a domain event owes, each owed once: the message is recorded in the inbox and its mail in the mail
 * queue in one transaction, and {@link OutgoingMails} sends it once that has committed. Nothing here waits for
 * the mail server: while it is away the events are consumed as ever and their mails wait in the queue.
 */
@Stateless
public class Notifications {

    static final String CONSUMER = "notifications";

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

    private Mail bookingConfirmed(BookingChange booking) {
        List<SeatLine> seats = em.createQuery("""
                        select t from Ticket t join fetch t.seat where t.booking.id = :booking order by t.seat.id""", Ticket.class)
                .setParameter("booking", booking.bookingId())
                .getResultStream()
                .map(ticket -> new SeatLine(ticket.getSeat().getLabel(), ticket.getSeat().getPriceCents(), ticket.getId()))
                .toList();
        return MailTexts.bookingConfirmed(recipient(booking.userId()), booking.bookingId(), event(booking.eventId()), seats,
                booking.totalCents(), booking.paymentReference());
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
