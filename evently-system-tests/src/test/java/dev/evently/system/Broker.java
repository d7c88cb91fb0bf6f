package dev.evently.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** The broker as another system sees it: a plain JMS client over the CORE protocol. */
final class Broker {

    static final String DOMAIN_EVENTS = "evently.domain-events";
    static final String PAYMENTS = "evently.payments";

    private Broker() {
    }

    static ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(env("EVENTLY_TEST_BROKER_URL"), env("EVENTLY_TEST_BROKER_USER"),
                System.getenv("EVENTLY_TEST_BROKER_PASSWORD"));
    }

    static JMSContext connect() {
        return connectionFactory().createContext();
    }

    /** The messages waiting in a queue, browsed as an operator would (browsing takes none of them). */
    static long depth(String queue) {
        return depth(queue, null);
    }

    /** The messages waiting in a queue that match a message selector ({@code null}: all). */
    static long depth(String queue, String selector) {
        try (JMSContext jms = connect(); QueueBrowser browser = jms.createBrowser(jms.createQueue(queue), selector)) {
            long n = 0;
            for (Enumeration<?> all = browser.getEnumeration(); all.hasMoreElements(); all.nextElement()) {
                n++;
            }
            return n;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of a queue's messages its consumers have acknowledged since the broker started. */
    static long acknowledged(String queue) throws Exception {
        return ((Number) management(ResourceNames.QUEUE + queue,
                request -> JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messagesAcknowledged"),
                "read messagesAcknowledged of")).longValue();
    }

    static void sendText(String queue, String body) {
        try (JMSContext jms = connect()) {
            jms.createProducer().send(jms.createQueue(queue), body);
        }
    }

    /**
     * Stops delivering a queue's messages to its consumers, as an operator does in the broker's console: what
     * arrives meanwhile waits in the queue. {@link #resume} delivers again.
     */
    static void pause(String queue) throws Exception {
        manage(ResourceNames.QUEUE + queue, "pause");
    }

    static void resume(String queue) throws Exception {
        manage(ResourceNames.QUEUE + queue, "resume");
    }

    /** Invokes a management operation through the broker's management address and waits for its answer. */
    private static void manage(String resource, String operation) throws Exception {
        management(resource, request -> JMSManagementHelper.putOperationInvocation(request, resource, operation),
                operation);
    }

    @FunctionalInterface
    private interface Request {
        void fill(Message request) throws Exception;
    }

    /** Sends a management request to the broker's management address; returns the answer's result. */
    private static Object management(String resource, Request request, String what) throws Exception {
        try (JMSContext jms = connect()) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            Message message = jms.createMessage();
            request.fill(message);
            jms.createProducer().setJMSReplyTo(replies).send(jms.createQueue("activemq.management"), message);
            Message reply = jms.createConsumer(replies).receive(Duration.ofSeconds(10).toMillis());
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException(what + " " + resource + " failed: "
                        + (reply == null ? "no answer" : JMSManagementHelper.getResult(reply)));
            }
            return JMSManagementHelper.getResult(reply);
        }
    }

    /**
     * A durable subscription of the domain-event topic under a new name, as an external system makes one:
     * events published while it is not connected wait for it. Close it to remove the subscription.
     */
    static final class Subscription implements AutoCloseable {

        final String name;
        private final String selector;
        private JMSContext jms;
        private JMSConsumer consumer;

        Subscription(String selector) {
            this.name = "system-test-" + UUID.randomUUID();
            this.selector = selector;
            attach();
        }

        /** Connects to the subscription (creating it the first time). */
        void attach() {
            if (jms != null) {
                return;
            }
            jms = connect();
            consumer = jms.createSharedDurableConsumer(jms.createTopic(DOMAIN_EVENTS), name, selector);
        }

        /** Disconnects, keeping the subscription: the broker keeps what is published meanwhile. */
        void detach() {
            try {
                jms.close();
            } finally {
                jms = null;
            }
        }

        /** Received envelopes until {@code done} holds for the list, or the deadline. */
        List<JsonNode> receiveUntil(Duration timeout, Predicate<List<JsonNode>> done) throws JMSException {
            Instant deadline = Instant.now().plus(timeout);
            List<JsonNode> received = new ArrayList<>();
            while (!done.test(received) && Instant.now().isBefore(deadline)) {
                Message message = consumer.receive(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                if (message != null) {
                    received.add(envelope(message));
                }
            }
            return received;
        }

        /** Whatever arrives within {@code quiet} of silence: to show that nothing more comes. */
        List<JsonNode> drain(Duration quiet) throws JMSException {
            List<JsonNode> received = new ArrayList<>();
            for (Message message = consumer.receive(quiet.toMillis()); message != null;
                 message = consumer.receive(quiet.toMillis())) {
                received.add(envelope(message));
            }
            return received;
        }

        /** Removes the subscription, reconnecting for it if need be. */
        @Override
        public void close() {
            attach();
            try {
                consumer.close();
                jms.unsubscribe(name);
            } finally {
                detach();
            }
        }
    }

    static JsonNode envelope(Message message) throws JMSException {
        String text = ((TextMessage) message).getText();
        JsonNode envelope;
        try {
            envelope = Stack.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
        // what a subscriber filters on travels as properties too; they must agree with the body
        if (!envelope.path("type").asText().equals(message.getStringProperty("eventType"))
                || !envelope.path("id").asText().equals(message.getStringProperty("eventId"))) {
            throw new AssertionError("properties disagree with the envelope: " + envelope);
        }
        return envelope;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests through ./evently test");
        }
        return value;
    }
}
