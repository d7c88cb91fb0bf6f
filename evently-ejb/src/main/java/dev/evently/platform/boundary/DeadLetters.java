package dev.evently.platform.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;

/**
 * The dead-letter queue as operators see it: what consumers gave up on after the broker's bounded retries,
 * with where it came from and the ids to find it in the logs. Browsing never takes a message off the queue.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetters {

    private static final int MAX_BODY = 2000;
    private static final int MAX_COUNTED = 100_000;

    @Resource(lookup = "jms/evently")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/queue/dead-letters")
    Queue deadLetters;

    public record DeadLetter(String messageId, String originalAddress, String originalQueue, String eventType,
                             String correlationId, Integer deliveryCount, Instant timestamp, String body) {
    }

    public record Listing(long count, List<DeadLetter> messages) {
    }

    /** The oldest {@code limit} dead letters and how many there are in all. */
    public Listing oldest(int limit) {
        try (JMSContext jms = connectionFactory.createContext(); QueueBrowser browser = jms.createBrowser(deadLetters)) {
            List<DeadLetter> messages = new ArrayList<>();
            long count = 0;
            for (Enumeration<?> all = browser.getEnumeration(); all.hasMoreElements() && count < MAX_COUNTED; count++) {
                Message message = (Message) all.nextElement();
                if (messages.size() < limit) {
                    messages.add(of(message));
                }
            }
            return new Listing(count, messages);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue: " + e.getMessage(), e);
        }
    }

    private static DeadLetter of(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : null;
        if (body != null && body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        return new DeadLetter(message.getJMSMessageID(), string(message, "_AMQ_ORIG_ADDRESS"),
                string(message, "_AMQ_ORIG_QUEUE"), string(message, "eventType"), message.getJMSCorrelationID(),
                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : null,
                message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()), body);
    }

    private static String string(Message message, String property) throws JMSException {
        Object value = message.getObjectProperty(property);
        return value == null ? null : value.toString();
    }
}
