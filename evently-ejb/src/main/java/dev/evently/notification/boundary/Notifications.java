package dev.evently.notification.boundary;

import java.util.Date;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
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
import dev.evently.notification.control.MailTexts;
import dev.evently.notification.control.MailTexts.EventFacts;
import dev.evently.notification.control.MailTexts.Recipient;
import dev.evently.notification.control.MailTexts.SeatLine;
import dev.evently.platform.control.Inbox;

/**
 * The emails a domain event owes, each sent once. The message is recorded in the inbox in the consumer's
 * transaction before anything is sent; a mail that cannot be sent fails the transaction, so the broker
 * redelivers and, after its retries, moves the message to the dead-letter queue. A mail can go out twice
 * only if the commit after a successful send fails.
 */
@Stateless
public class Notifications {

    static final String CONSUMER = "notifications";

    @PersistenceContext
    EntityManager em;

    @Inject
    Inbox inbox;

    @Resource(lookup = "mail/evently")
    Session mailSession;

    /**
     * Sends what the domain event owes, once per event.
     *
     * @return how many mails went out (0 for a redelivery or an event that owes none)
     */
    public int notify(ReceivedEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return 0;
        }
        if (event.is(DomainEvents.BOOKING_CONFIRMED)) {
            return sent(bookingConfirmed(event.payload(DomainEvents.BOOKING_CONFIRMED)));
        }
        if (event.is(DomainEvents.BOOKING_CANCELLED)) {
            return sent(bookingCancelled(event.payload(DomainEvents.BOOKING_CANCELLED)));
        }
        if (event.is(DomainEvents.BOOKING_EXPIRED)) {
            return sent(bookingExpired(event.payload(DomainEvents.BOOKING_EXPIRED)));
        }
        if (event.is(DomainEvents.WAITLIST_OFFERED)) {
            return sent(waitlistOffered(event.payload(DomainEvents.WAITLIST_OFFERED)));
        }
        if (event.is(DomainEvents.BOOKING_REFUNDED)) {
            return sent(bookingRefunded(event.payload(DomainEvents.BOOKING_REFUNDED)));
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

    private int sent(Mail mail) {
        send(mail);
        return 1;
    }

    private void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(mailSession);
            message.setFrom();  // the session's mail.from (EVENTLY_MAIL_FROM)
            message.setRecipient(RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new EJBException("mail to " + mail.to() + " not sent (\"" + mail.subject() + "\"): " + e, e);
        }
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
