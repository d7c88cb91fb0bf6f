package dev.evently.console.messaging;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


import dev.evently.console.access.ConsoleSession;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Pages;
import dev.evently.notification.boundary.MailBacklog;
import dev.evently.notification.control.MailQueue;
import dev.evently.outbox.boundary.OutboxBacklog;
import dev.evently.platform.boundary.ConsumerQueues;
import dev.evently.platform.boundary.DeadLetters;

/**
 * The messaging page, for admins: how far messaging is behind (the outbox, the mails, each consumer's queue) and
 * the dead letters, each of which can be sent back to its queue or discarded. The same EJB calls as the REST API's
 * admin/messaging resource. Each part is read on its own, so a broker that cannot be reached still leaves the
 * outbox and the mails on the page. Read when the page opens and after each action; Refresh reads again.
 */
@Named
@ViewScoped
public class Messaging implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());

    /** Dead letters listed, oldest first; the count says how many there are in all. */
    static final int MOST_LETTERS = 200;
    /** Messages browsed per consumer queue: a depth at this figure means at least as many. */
    static final long MOST_COUNTED = 1_000;

    static final int MOST_ERROR = 300;

    static final String REPLAYED = "Message sent back to its queue";
    static final String DISCARDED = "Message discarded";
    static final String GONE = "This message is no longer in the dead letters";

    /** The outbox and the mail queue: what waits in the database. */
    public record Backlogs(long outboxPending, Instant outboxOldest, int mostAttempts, String lastError,
                           long mailsPending, Instant mailsOldest) implements Serializable {
    }

    /** A consumer's queue: {@code capped} when there may be more than {@code messages}. */
    public record QueueDepth(String queue, long messages, boolean capped, Instant oldestSentAt)
            implements Serializable {
    }

    /** A dead letter as the page shows it, its body laid out for reading. */
    public record Letter(String messageId, String queue, String eventType, String reason, Instant at,
                        Integer deliveries, String payload) implements Serializable {

        static Letter of(DeadLetters.DeadLetter letter) {
            String queue = letter.originalQueue() == null || letter.originalQueue().equals(letter.originalAddress())
                    ? letter.originalQueue() : letter.originalAddress() + "::" + letter.originalQueue();
            return new Letter(letter.messageId(), queue, letter.eventType(), letter.reason(), letter.timestamp(),
                    letter.deliveryCount(), PrettyJson.of(letter.body()));
        }
    }

    @Inject
    OutboxBacklog outbox;

    @Inject
    MailBacklog mails;

    @Inject
    ConsumerQueues consumerQueues;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions actions;

    private Backlogs backlogs;
    private List<QueueDepth> queues = List.of();
    private boolean brokerUnread;
    private long deadLetterCount;
    private List<Letter> letters = List.of();

    @PostConstruct
    public void load() {
        try {
            OutboxBacklog.Backlog waiting = outbox.now();
            MailQueue.Backlog mail = mails.now();
            backlogs = new Backlogs(waiting.pending(), waiting.oldestPendingSince(), waiting.mostAttempts(),
                    shortened(waiting.lastError()), mail.pending(), mail.oldestSince());
        } catch (RuntimeException e) {
            backlogs = null;
            LOG.log(Level.WARNING, "cannot read the outbox and mail backlogs", EjbFailures.unwrap(e));
        }
        brokerUnread = false;
        try {
            List<QueueDepth> depths = new ArrayList<>();
            for (Map.Entry<String, ConsumerQueues.Backlog> queue
                    : consumerQueues.backlogs(MOST_COUNTED).entrySet()) {
                long messages = queue.getValue().messages();
                depths.add(new QueueDepth(queue.getKey(), messages, messages >= MOST_COUNTED,
                        queue.getValue().oldestSentAt()));
            }
            queues = depths;
            DeadLetters.Listing listing = deadLetters.oldest(MOST_LETTERS);
            deadLetterCount = listing.count();
            letters = listing.messages().stream().map(Letter::of).toList();
        } catch (RuntimeException e) {
            brokerUnread = true;
            LOG.log(Level.WARNING, "cannot browse the broker's queues", EjbFailures.unwrap(e));
        }
        if (backlogs == null || brokerUnread) {
            Pages.say(FacesMessage.SEVERITY_WARN, "Part of this page could not be read just now: refresh in a moment.");
        }
    }

    /** Sends a dead letter back to the queue it came from, to be consumed again. */
    public void retry(String messageId) {
        act(messageId, true);
    }

    /** Takes a dead letter off the dead-letter queue for good. */
    public void discard(String messageId) {
        act(messageId, false);
    }

    private void act(String messageId, boolean replay) {
        if (!session.isAdmin()) {
            Pages.say(FacesMessage.SEVERITY_ERROR, "Only admins may change the dead letters.");
            return;
        }
        Letter letter = letters.stream().filter(l -> l.messageId().equals(messageId)).findFirst().orElse(null);
        boolean done = false;
        if (letter != null) {
            try {
                done = replay ? deadLetters.replay(messageId) : deadLetters.discard(messageId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, (replay ? "cannot replay " : "cannot discard ") + messageId,
                        EjbFailures.unwrap(e));
                Pages.say(FacesMessage.SEVERITY_ERROR, replay
                        ? "The message could not be sent back: it may not say which queue it came from, or the"
                          + " broker did not answer. It is still in the dead letters."
                        : "The message could not be discarded: the broker did not answer. Try again in a moment.");
                return;
            }
        }
        if (!done) {
            Pages.say(FacesMessage.SEVERITY_WARN, GONE);
        } else if (replay) {
            actions.messageReplayed(session.actor(), letter.messageId(), letter.queue(), letter.eventType());
            Pages.say(FacesMessage.SEVERITY_INFO, REPLAYED);
        } else {
            actions.messageDiscarded(session.actor(), letter.messageId(), letter.queue(), letter.eventType());
            Pages.say(FacesMessage.SEVERITY_INFO, DISCARDED);
        }
        load();
    }

    /** The relay's last error, enough of it to tell what is wrong; the server log has the rest. */
    static String shortened(String error) {
        return error == null || error.length() <= MOST_ERROR ? error : error.substring(0, MOST_ERROR) + "…";
    }

    /** Null when the database could not be read. */
    public Backlogs getBacklogs() {
        return backlogs;
    }

    public List<QueueDepth> getQueues() {
        return queues;
    }

    /** Whether the broker could not be browsed: the queues and dead letters shown are from before, or none. */
    public boolean isBrokerUnread() {
        return brokerUnread;
    }

    public long getDeadLetterCount() {
        return deadLetterCount;
    }

    public List<Letter> getLetters() {
        return letters;
    }

    /** Whether there are more dead letters than listed. */
    public boolean isCapped() {
        return deadLetterCount > letters.size();
    }

    public int getMostLetters() {
        return MOST_LETTERS;
    }

    /** How long ago, from now: "12 min". */
    public String age(Instant since) {
        return Ages.since(since, Instant.now());
    }
}
