package dev.evently.notification.boundary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.booking.control.TicketResendCause;
import dev.evently.booking.entity.Booking;
import dev.evently.booking.entity.BookingStatus;
import dev.evently.outbox.event.DomainEventType;
import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.WaitlistOffered;
import dev.evently.outbox.event.OutgoingBatch;
import dev.evently.notification.control.Mail;
import dev.evently.notification.control.MailFacts;
import dev.evently.notification.control.MailMetrics;
import dev.evently.notification.control.MailQueue;
import dev.evently.notification.control.MailQueue.Owed;
import dev.evently.notification.control.MailTexts;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.NotFoundException;

/**
 * The emails domain events owe, each owed once: they are queued as the outbox publishes the events, in the relay's
 * transaction ({@link #queue}), so a mail is recorded exactly when its event is marked published, without an inbox,
 * and {@link OutgoingMails} sends it once that has committed. Nothing here waits for the mail server: while it is
 * away the events are published as ever and their mails wait in the queue.
 */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    /** Tickets mails staff may send again for one booking in a day: enough for a lost mail, too few to flood. */
    static final int RESENDS_PER_DAY = 3;

    /** The events that owe their person a mail. */
    private static final Set<DomainEventType<?>> OWING = Set.of(DomainEvents.BOOKING_CONFIRMED,
            DomainEvents.BOOKING_CANCELLED, DomainEvents.BOOKING_EXPIRED, DomainEvents.BOOKING_REFUNDED,
            DomainEvents.WAITLIST_OFFERED);

    @PersistenceContext
    EntityManager em;

    @Inject
    MailQueue queue;

    @Inject
    MailMetrics metrics;

    /** An event of the batch that owes a mail, its payload read. */
    private record Owing(long eventId, DomainEventType<?> type, Record payload) {
    }

    /**
     * Queues the mails the events of an outbox batch owe, in the relay's transaction: they are recorded exactly when
     * the events are marked published, and undone with the marks if the batch does not go. What the mails name is
     * read once for the whole batch ({@link MailFacts}), and the mails are one insert. An event whose mail cannot be
     * written (its payload does not fit, or names a person or event that is gone) is logged, counted
     * ({@code evently_mails_skipped_total}) and owes none; the batch still goes.
     */
    public void queue(@Observes OutgoingBatch batch) {
        List<Owing> owing = new ArrayList<>();
        MailFacts.Wanted wanted = new MailFacts.Wanted();
        for (OutgoingBatch.Outgoing event : batch.events()) {
            if (event.type() == null || !OWING.contains(event.type())) {
                continue;  // not read: a batch is mostly payments and seat changes
            }
            try {
                Owing mailOwed = new Owing(event.id(), event.type(), event.read());
                want(mailOwed, wanted);
                owing.add(mailOwed);
            } catch (IllegalArgumentException e) {
                skipped(event.id(), event.typeName(), e);
            }
        }
        if (owing.isEmpty()) {
            return;
        }
        MailFacts facts = MailFacts.read(em, wanted);
        List<Owed> owed = new ArrayList<>(owing.size());
        for (Owing event : owing) {
            try {
                owed.add(new Owed(mail(event, facts), String.valueOf(event.eventId())));
            } catch (IllegalArgumentException e) {
                skipped(event.eventId(), event.type().name(), e);
            }
        }
        queue.addAll(owed);
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
        long userId = booking.getUser().getId();
        long eventId = booking.getEvent().getId();
        MailFacts facts = MailFacts.read(em, new MailFacts.Wanted().user(userId).event(eventId).ticketsOf(bookingId));
        Mail mail = MailTexts.bookingConfirmed(facts.recipient(userId), bookingId, facts.event(eventId),
                facts.tickets(bookingId), booking.getTotalCents(), booking.getPaymentReference());
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

    private static void want(Owing event, MailFacts.Wanted wanted) {
        if (event.payload() instanceof BookingChange b) {
            wanted.user(b.userId()).event(b.eventId());
            if (event.type() == DomainEvents.BOOKING_CONFIRMED) {
                wanted.ticketsOf(b.bookingId());
            } else {
                wanted.seats(b.seatIds());
            }
        } else if (event.payload() instanceof WaitlistOffered o) {
            wanted.user(o.userId()).event(o.eventId()).seats(o.seatIds());
        }
    }

    private static Mail mail(Owing event, MailFacts facts) {
        if (event.payload() instanceof WaitlistOffered o) {
            return MailTexts.waitlistOffered(facts.recipient(o.userId()), o.bookingId(), facts.event(o.eventId()),
                    facts.seats(o.seatIds()), o.totalCents(), o.offeredUntil());
        }
        BookingChange b = (BookingChange) event.payload();
        if (event.type() == DomainEvents.BOOKING_CONFIRMED) {
            return MailTexts.bookingConfirmed(facts.recipient(b.userId()), b.bookingId(), facts.event(b.eventId()),
                    facts.tickets(b.bookingId()), b.totalCents(), b.paymentReference());
        }
        if (event.type() == DomainEvents.BOOKING_CANCELLED) {
            return MailTexts.bookingCancelled(facts.recipient(b.userId()), b.bookingId(), facts.event(b.eventId()),
                    facts.seats(b.seatIds()), b.previousStatus(), b.reason(), b.waitlistOffer(), b.totalCents(),
                    b.currency());
        }
        if (event.type() == DomainEvents.BOOKING_EXPIRED) {
            return MailTexts.bookingExpired(facts.recipient(b.userId()), b.bookingId(), facts.event(b.eventId()),
                    facts.seats(b.seatIds()), b.waitlistOffer());
        }
        return MailTexts.bookingRefunded(facts.recipient(b.userId()), b.bookingId(), facts.event(b.eventId()),
                b.totalCents(), b.currency());
    }

    private void skipped(long eventId, String typeName, IllegalArgumentException e) {
        metrics.skipped();
        LOG.warning(() -> "notifications: no mail for " + typeName + " " + eventId + ": " + e.getMessage());
    }
}
