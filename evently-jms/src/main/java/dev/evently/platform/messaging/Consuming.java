package dev.evently.platform.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import dev.evently.platform.tracing.Correlation;

/**
 * How every consumer handles a message: under its correlation id, and with its message id, correlation id and
 * delivery count in the log when it fails. A failure rolls the delivery back; after the broker's bounded
 * retries the message lands in the dead-letter queue.
 */
public final class Consuming {

    private Consuming() {
    }

    public interface Work {
        /** @return what was done, for the log (null: nothing worth a line) */
        String run() throws JMSException;
    }

    public static void handle(Logger log, String consumer, Message message, Work work) {
        String messageId = header(message::getJMSMessageID);
        String correlationId = Correlation.begin(header(message::getJMSCorrelationID));
        try {
            String done = work.run();
            if (done != null) {
                log.info(() -> consumer + ": " + done + " [messageId " + messageId + ", correlationId " + correlationId + "]");
            }
        } catch (JMSException | RuntimeException e) {
            log.log(Level.WARNING, consumer + " failed on messageId " + messageId + ", correlationId " + correlationId
                    + ", delivery " + header(() -> String.valueOf(message.getIntProperty("JMSXDeliveryCount")))
                    + " (rolled back; redelivered until the dead-letter queue takes it): " + e,
                    e instanceof IllegalArgumentException ? null : e);  // a malformed message needs no stack trace
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
