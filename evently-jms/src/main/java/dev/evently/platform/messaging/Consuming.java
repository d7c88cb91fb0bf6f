package dev.evently.platform.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import dev.evently.platform.boundary.DeadLetters;
import dev.evently.platform.tracing.Correlation;

/**
 * How every consumer handles a message: under its correlation id, and with its message id, correlation id and
 * delivery count in the log when it fails. What a message did is logged at FINE: a sale sends several messages per
 * booking, and a line for each at INFO rotated the server log every minute, taking the lines that matter with it.
 * <p>
 * Consumers receive outside a transaction ({@code NOT_SUPPORTED}): the work is one call of a boundary, which commits
 * its own transaction together with the consumer's inbox record, and only then is the delivery acknowledged. A
 * failure before that commit redelivers; a lost acknowledgement after it redelivers too, and the inbox makes that a
 * no-op. (Joining the broker's XA transaction, with PostgreSQL as the non-XA last agent, lost work when PostgreSQL
 * restarted mid-commit: the database rolled back while the message was acknowledged.)
 * <p>
 * A message that can never succeed (not one Evently can read: an {@link IllegalArgumentException}) goes to the
 * dead-letter queue at once. Any other failure rolls the delivery back: a part that is away (the database, the mail
 * server) is waited for by the broker's retries, an hour and more, before the message lands there too.
 */
@ApplicationScoped
public class Consuming {

    @EJB
    DeadLetters deadLetters;

    public interface Work {
        /** @return what was done, for the log at FINE (null: nothing worth a line) */
        String run() throws JMSException;
    }

    /** @param queue the consumer's queue as in its activation config ({@code address::queue} or a queue) */
    public void handle(Logger log, String consumer, String queue, Message message, Work work) {
        String messageId = header(message::getJMSMessageID);
        String correlationId = Correlation.begin(header(message::getJMSCorrelationID));
        try {
            String done = work.run();
            if (done != null) {
                log.fine(() -> consumer + ": " + done + " [messageId " + messageId + ", correlationId " + correlationId + "]");
            }
        } catch (IllegalArgumentException poison) {
            log.warning(() -> consumer + ": messageId " + messageId + ", correlationId " + correlationId
                    + " can never be processed, moved to the dead-letter queue: " + poison.getMessage());
            deadLetters.deadLetter(message, queue, poison.getMessage() == null ? "unreadable" : poison.getMessage());
        } catch (JMSException | RuntimeException e) {
            log.log(Level.WARNING, consumer + " failed on messageId " + messageId + ", correlationId " + correlationId
                    + ", delivery " + header(() -> String.valueOf(message.getIntProperty("JMSXDeliveryCount")))
                    + " (rolled back; redelivered until the dead-letter queue takes it): " + e, e);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } finally {
            Correlation.end();
        }
    }

    private interface Header {
        String get() throws JMSException;
    }

    private static String header(Header header) {
        try {
            return header.get();
        } catch (JMSException | RuntimeException e) {
            return "?";
        }
    }
}
