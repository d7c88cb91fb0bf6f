package dev.evently.notification.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;

import dev.evently.notification.control.MailQueue;
import dev.evently.notification.control.MailQueue.Queued;
import dev.evently.notification.control.SmtpConnection;

/**
 * Sends the mails the queue holds, every second on every instance, each taken with a lease so that instances
 * share the work. A tick connects to the mail server first: while it is away nothing is taken and nothing counts
 * as an attempt, and the mails wait, however long, in order. A mail the server refuses is tried again (2 s
 * doubling to 5 min) and marked FAILED after {@value #MAX_ATTEMPTS} attempts (an address that is no address, at
 * once). A mail went out at most once per
 * lease: only a sender that dies between sending it and marking it sent leaves it to go out again, with the same
 * Message-ID, once the lease has run out.
 */
@Stateless
public class OutgoingMails {

    static final int MAX_ATTEMPTS = 12;
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(OutgoingMails.class.getName());

    @Inject
    MailQueue queue;

    @Inject
    Session mailSession;

    @Resource
    SessionContext context;

    Clock clock = Clock.systemUTC();

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "outgoing mails")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendDue() {
        OutgoingMails self = context.getBusinessObject(OutgoingMails.class);
        try {
            for (Long id : queue.unmarked()) {
                self.markSent(id);
                queue.unmarked().remove(id);
            }
            if (!self.anyDue()) {
                return;
            }
            Optional<SmtpConnection> smtp = connect();
            if (smtp.isEmpty()) {
                return;
            }
            try (SmtpConnection connection = smtp.get()) {
                Optional<Queued> next;
                while ((next = self.claimNext()).isPresent() && send(self, connection, next.get())) {
                    // on to the next
                }
            }
        } catch (RuntimeException e) {
            // never out of the timer: Payara expunges a timer whose timeout fails twice, and mails would stop
            LOG.warning(() -> "outgoing mails: retried at the next tick: " + e);
        }
    }

    /** Sends one mail and records the outcome; false when this tick should stop (the connection broke). */
    private boolean send(OutgoingMails self, SmtpConnection smtp, Queued queued) {
        try {
            smtp.send(queued);
        } catch (AddressException e) {
            self.refused(queued, String.valueOf(e), true);  // no attempt can mend an address
            return true;
        } catch (MessagingException e) {
            self.refused(queued, String.valueOf(e), false);
            return smtp.connected();
        }
        try {
            self.markSent(queued.id());
        } catch (RuntimeException e) {
            // sent; the mark is retried before anything else, and the lease keeps others from sending it again
            queue.unmarked().add(queued.id());
            throw e;
        }
        return true;
    }

    private Optional<SmtpConnection> connect() {
        try {
            return Optional.of(SmtpConnection.open(mailSession));
        } catch (MessagingException e) {
            LOG.log(Level.FINE, "mail server not reachable; the mails wait", e);
            return Optional.empty();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Queued> claimNext() {
        return queue.claim(clock.instant(), LEASE);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean anyDue() {
        return queue.anyDue(clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markSent(long id) {
        queue.sent(id, clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(Queued queued, String error, boolean forGood) {
        Instant now = clock.instant();
        if (forGood || queued.attempts() >= MAX_ATTEMPTS) {
            LOG.severe(() -> "mail " + queued.id() + " to " + queued.mail().to() + " refused " + queued.attempts()
                    + " times, given up: " + error);
            queue.failed(queued.id(), error, now);
        } else {
            Instant retryAt = now.plus(backoff(queued.attempts()));
            LOG.warning(() -> "mail " + queued.id() + " refused (attempt " + queued.attempts() + ", next at " + retryAt
                    + "): " + error);
            queue.retryLater(queued.id(), error, retryAt);
        }
    }

    /** 2 s after the first attempt, doubling, at most 5 min. */
    static Duration backoff(int attempts) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 1), 10));
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
}
