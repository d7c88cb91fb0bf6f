package dev.evently.platform.boundary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import dev.evently.platform.control.QueueBrowsing;

/**
 * The dead-letter queue, its one home: what consumers gave up on (a message that can never succeed at once, any
 * other after the broker's hour of retries), with where it came from and the ids to find it in the logs. Browsing
 * never takes a message off the queue; a replay moves one back to the queue it came from, a discard removes it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetters {

    private static final int MAX_BODY = 2000;
    private static final int MAX_COUNTED = 100_000;
    /** Where Artemis records a dead letter's origin; set the same way when a consumer dead-letters one itself. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final String REASON = "evently_dead_letter_reason";
    private static final String DEAD_LETTER_ADDRESS = "DLQ";
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,100}");

    @Inject
    ConnectionFactory connectionFactory;

    public record DeadLetter(String messageId, String originalAddress, String originalQueue, String eventType,
                             String correlationId, Integer deliveryCount, Instant timestamp, String reason,
                             String body) {
    }

    public record Listing(long count, List<DeadLetter> messages) {
    }

    /** The oldest {@code limit} dead letters and how many there are in all. */
    public Listing oldest(int limit) {
        try (JMSContext jms = connectionFactory.createContext()) {
            List<DeadLetter> messages = new ArrayList<>();
            long count = QueueBrowsing.browse(jms, deadLetters(jms), MAX_COUNTED, message -> {
                if (messages.size() < limit) {
                    messages.add(of(message));
                }
            });
            return new Listing(count, messages);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a message that can never succeed on the dead-letter queue (committed before the consumer acknowledges
     * the delivery: at worst, should that acknowledgement be lost, it is there twice), instead of letting the broker
     * retry it for an hour.
     *
     * @param queue the consumer's queue, as its fully qualified name {@code address::queue} or a plain queue
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void deadLetter(Message message, String queue, String reason) {
        try (JMSContext jms = connectionFactory.createContext()) {
            Message copy = copy(jms, message);
            int split = queue.indexOf("::");
            copy.setStringProperty(ORIGINAL_ADDRESS, split < 0 ? queue : queue.substring(0, split));
            copy.setStringProperty(ORIGINAL_QUEUE, split < 0 ? queue : queue.substring(split + 2));
            copy.setStringProperty(REASON, reason.length() > 500 ? reason.substring(0, 500) : reason);
            jms.createProducer().send(deadLetters(jms), copy);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot dead-letter message: " + e.getMessage(), e);
        }
    }

    /**
     * Moves one dead letter back to the queue it came from (only that queue, not every subscriber of its address),
     * in one transaction: it is either back there or still here.
     *
     * @return false when there is no dead letter with that id
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean replay(String messageId) {
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            return false;
        }
        try (JMSContext jms = connectionFactory.createContext();
             JMSConsumer consumer = jms.createConsumer(deadLetters(jms), "JMSMessageID = '" + messageId + "'")) {
            Message letter = consumer.receive(2000);
            if (letter == null) {
                return false;
            }
            String address = string(letter, ORIGINAL_ADDRESS);
            String queue = string(letter, ORIGINAL_QUEUE);
            if (address == null || queue == null) {
                throw new IllegalStateException("dead letter " + messageId + " does not say where it came from");
            }
            Message copy = copy(jms, letter);
            jms.createProducer().send(jms.createQueue(address.equals(queue) ? queue : address + "::" + queue), copy);
            return true;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot replay " + messageId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Takes one dead letter off the queue for good, found the way {@link #replay} finds it: for a message that
     * nobody should process again (a test message, a report already handled by hand).
     *
     * @return false when there is no dead letter with that id
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean discard(String messageId) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            return false;
        }
        try (JMSContext jms = connectionFactory.createContext();
             JMSConsumer consumer = jms.createConsumer(deadLetters(jms), "JMSMessageID = '" + messageId + "'")) {
            return consumer.receive(2000) != null;
        }
    }

    /** The body, correlation id and application properties of a message, as a new message. */
    private static Message copy(JMSContext jms, Message message) throws JMSException {
        Message copy = message instanceof TextMessage text ? jms.createTextMessage(text.getText()) : jms.createMessage();
        copy.setJMSCorrelationID(message.getJMSCorrelationID());
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMSX") && !name.startsWith("_AMQ") && !name.equals(REASON)) {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            }
        }
        return copy;
    }

    /**
     * How many dead letters came from each queue (by the queue the broker noted they left), at most {@code max}
     * looked at in all.
     */
    public Map<String, Long> countByQueue(long max) {
        try (JMSContext jms = connectionFactory.createContext()) {
            Map<String, Long> counts = new HashMap<>();
            QueueBrowsing.browse(jms, deadLetters(jms), max,
                    message -> counts.merge(String.valueOf(string(message, ORIGINAL_QUEUE)), 1L, Long::sum));
            return counts;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queue: " + e.getMessage(), e);
        }
    }

    /** The broker's dead-letter address (broker.properties), where it and the consumers put what they give up on. */
    private static Queue deadLetters(JMSContext jms) {
        return jms.createQueue(DEAD_LETTER_ADDRESS);
    }

    private static DeadLetter of(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : null;
        if (body != null && body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        return new DeadLetter(message.getJMSMessageID(), string(message, ORIGINAL_ADDRESS),
                string(message, ORIGINAL_QUEUE), string(message, "eventType"), message.getJMSCorrelationID(),
                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : null,
                message.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(message.getJMSTimestamp()),
                string(message, REASON), body);
    }

    private static String string(Message message, String property) throws JMSException {
        Object value = message.getObjectProperty(property);
        return value == null ? null : value.toString();
    }
}
