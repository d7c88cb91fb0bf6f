package dev.evently.notification.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Sends the mails the queue holds, every second on every instance, taken {@value #CLAIM} at a time with a lease so
 * that instances share the work. A tick connects to the mail server first: while it is away nothing is taken and
 * nothing counts as an attempt, and the mails wait, however long, in order. A mail the server refuses is tried again
 * (2 s doubling to 5 min) and marked FAILED after {@value #MAX_ATTEMPTS} attempts (an address that is no address, at
 * once); the mails of a claim not tried because the connection broke are given back. A mail went out at most once
 * per lease: only a sender that dies between sending a claim's mails and marking them sent leaves them to go out
 * again, with the same Message-IDs, once the lease has run out.
 */
@Stateless
public class OutgoingMails {

    static final int MAX_ATTEMPTS = 12;
    static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * Mails taken at a time: a rush's mails cost a few transactions a second rather than two each, and a sender that
     * dies mid-claim leaves at most these to go out again once their lease has run out.
     */
    static final int CLAIM = 25;
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
            if (!queue.unmarked().isEmpty()) {
                List<Long> unmarked = List.copyOf(queue.unmarked());
                self.markSent(unmarked);
                queue.unmarked().removeAll(unmarked);
            }
            if (!self.anyDue()) {
                return;
            }
            Optional<SmtpConnection> smtp = connect();
            if (smtp.isEmpty()) {
                return;
            }
            try (SmtpConnection connection = smtp.get()) {
                List<Queued> claimed;
                while (!(claimed = self.claim()).isEmpty() && send(self, connection, claimed)) {
                    // on to the next claim
                }
            }
        } catch (RuntimeException e) {
            // never out of the timer: Payara expunges a timer whose timeout fails twice, and mails would stop
            LOG.warning(() -> "outgoing mails: retried at the next tick: " + e);
        }
    }

    /**
     * Sends a claim's mails in turn and records the outcomes: the refused each at once, the sent together at the
     * end, and those not tried (the connection broke) are given back. False when this tick should stop.
     */
    private boolean send(OutgoingMails self, SmtpConnection smtp, List<Queued> claimed) {
        List<Long> sent = new ArrayList<>(claimed.size());
        int tried = 0;
        boolean connected = true;
        try {
            while (connected && tried < claimed.size()) {
                Queued queued = claimed.get(tried++);
                try {
                    smtp.send(queued);
                    sent.add(queued.id());
                } catch (AddressException e) {
                    self.refused(queued, String.valueOf(e), true);  // no attempt can mend an address
                } catch (MessagingException e) {
                    self.refused(queued, String.valueOf(e), false);
                    connected = smtp.connected();
                }
            }
        } finally {
            giveBack(self, claimed.subList(tried, claimed.size()));
            if (!sent.isEmpty()) {
                try {
                    self.markSent(sent);
                } catch (RuntimeException e) {
                    // sent; the marks are retried before anything else, and the lease keeps others from sending them
                    queue.unmarked().addAll(sent);
                    throw e;
                }
            }
        }
        return connected;
    }

    private void giveBack(OutgoingMails self, List<Queued> untried) {
        if (untried.isEmpty()) {
            return;
        }
        try {
            self.release(untried.stream().map(Queued::id).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "claimed mails not given back: they wait for their lease to run out", e);
        }
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
    public List<Queued> claim() {
        return queue.claim(clock.instant(), LEASE, CLAIM);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(List<Long> ids) {
        queue.release(ids, clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean anyDue() {
        return queue.anyDue(clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markSent(List<Long> ids) {
        queue.sent(ids, clock.instant());
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
