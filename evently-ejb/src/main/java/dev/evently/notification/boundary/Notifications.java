package dev.evently.notification.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
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

    @Resource
    SessionContext context;

    /**
     * Sends what the domain event {@code messageId} of {@code type} owes, once per message.
     *
     * @return how many mails went out (0 for a redelivery or an event that owes none)
     */
    public int notify(String messageId, String type, JsonObject data) {
        if (!inbox.firstDelivery(CONSUMER, messageId)) {
            return 0;
        }
        return switch (type) {
            case "booking.confirmed" -> sent(bookingConfirmed(data));
            case "booking.cancelled" -> sent(bookingCancelled(data));
            case "booking.expired" -> sent(bookingExpired(data));
            case "waitlist.offered" -> sent(waitlistOffered(data));
            case "event.cancelled" -> eventCancelled(messageId, data.getJsonNumber("eventId").longValueExact());
            default -> 0;
        };
    }

    /**
     * Sends one mail in a transaction of its own, unless {@code key} was sent before: a message owing many mails
     * (an event cancelled) that fails half-way sends, when redelivered, only those still owed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sendOnce(String key, Mail mail) {
        if (!inbox.firstDelivery(CONSUMER, key)) {
            return false;
        }
        send(mail);
        return true;
    }

    private Mail bookingConfirmed(JsonObject data) {
        long bookingId = data.getJsonNumber("bookingId").longValueExact();
        List<SeatLine> seats = em.createQuery("""
                        select t from Ticket t join fetch t.seat where t.booking.id = :booking order by t.seat.id""", Ticket.class)
                .setParameter("booking", bookingId)
                .getResultStream()
                .map(ticket -> new SeatLine(ticket.getSeat().getLabel(), ticket.getSeat().getPriceCents(), ticket.getId()))
                .toList();
        return MailTexts.bookingConfirmed(recipient(data), bookingId, event(data), seats, data.getJsonNumber("totalCents")
                .longValueExact(), data.getString("paymentReference", null));
    }

    private Mail bookingCancelled(JsonObject data) {
        return MailTexts.bookingCancelled(recipient(data), data.getJsonNumber("bookingId").longValueExact(), event(data),
                seats(data), "CONFIRMED".equals(data.getString("previousStatus", null)), data.getBoolean("waitlistOffer", false));
    }

    private Mail bookingExpired(JsonObject data) {
        return MailTexts.bookingExpired(recipient(data), data.getJsonNumber("bookingId").longValueExact(), event(data),
                seats(data), data.getBoolean("waitlistOffer", false));
    }

    private Mail waitlistOffered(JsonObject data) {
        return MailTexts.waitlistOffered(recipient(data), data.getJsonNumber("bookingId").longValueExact(), event(data),
                seats(data), data.getJsonNumber("totalCents").longValueExact(), Instant.parse(data.getString("offeredUntil")));
    }

    /** One mail to each person holding tickets (confirmed bookings) for the event; the waitlist has its own end. */
    private int eventCancelled(String messageId, long eventId) {
        EventFacts event = facts(em.find(Event.class, eventId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select u.id, u.email, u.name, b.id, s.label, s.price_cents
                        from bookings b join users u on u.id = b.user_id join seats s on s.booking_id = b.id
                        where b.event_id = ?1 and b.status = 'CONFIRMED'
                        order by u.id, b.id, s.id""")
                .setParameter(1, eventId)
                .getResultList();
        record Holder(Recipient recipient, List<Long> bookingIds, List<SeatLine> seats) {
        }
        Map<Long, Holder> holders = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Holder holder = holders.computeIfAbsent(((Number) row[0]).longValue(), id ->
                    new Holder(new Recipient((String) row[1], (String) row[2]), new ArrayList<>(), new ArrayList<>()));
            long bookingId = ((Number) row[3]).longValue();
            if (!holder.bookingIds().contains(bookingId)) {
                holder.bookingIds().add(bookingId);
            }
            holder.seats().add(new SeatLine((String) row[4], ((Number) row[5]).longValue()));
        }
        Notifications self = context.getBusinessObject(Notifications.class);
        int sent = 0;
        for (Map.Entry<Long, Holder> holder : holders.entrySet()) {
            Holder h = holder.getValue();
            if (self.sendOnce(messageId + "/user/" + holder.getKey(),
                    MailTexts.eventCancelled(h.recipient(), event, h.bookingIds(), h.seats()))) {
                sent++;
            }
        }
        return sent;
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

    private Recipient recipient(JsonObject data) {
        User user = em.find(User.class, data.getJsonNumber("userId").longValueExact());
        if (user == null) {
            throw new IllegalArgumentException("no user " + data.get("userId"));
        }
        return new Recipient(user.getEmail(), user.getName());
    }

    private EventFacts event(JsonObject data) {
        return facts(em.find(Event.class, data.getJsonNumber("eventId").longValueExact()));
    }

    private static EventFacts facts(Event event) {
        if (event == null) {
            throw new IllegalArgumentException("the event of the message does not exist");
        }
        return new EventFacts(event.getName(), event.getVenue(), event.getStartTime());
    }

    /** The seats the message names (a released seat no longer points at the booking it was in). */
    private List<SeatLine> seats(JsonObject data) {
        List<Long> ids = data.getJsonArray("seatIds").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValueExact).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from Seat s where s.id in :ids order by s.id", Seat.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(seat -> new SeatLine(seat.getLabel(), seat.getPriceCents()))
                .toList();
    }
}
