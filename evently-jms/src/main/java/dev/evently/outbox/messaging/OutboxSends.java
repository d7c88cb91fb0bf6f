package dev.evently.outbox.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import dev.evently.outbox.entity.OutboxMessage;

/**
 * Sends a relay batch to the domain-event topic in a local JMS transaction of its own, outside the caller's JTA
 * transaction (suspended here): when {@link #send} returns, the broker holds every message of the batch; when it
 * throws, the broker holds none of them, or, if the broker died after committing but before it answered, all of
 * them. No outcome stays in doubt for a transaction manager to resolve later.
 * <p>
 * The connection factory must allow local transactions outside JTA (Artemis's {@code AllowLocalTransactions},
 * set on the server's pool); a factory that does not would send each message on its own, which is refused here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSends {

    /** The broker's address of the domain-event topic (broker.properties), which every consumer subscribes to. */
    static final String DOMAIN_EVENTS = "evently.domain-events";

    @Inject
    ConnectionFactory connectionFactory;

    /** @param flags boolean properties every message carries: true for the event types named, false for the rest */
    public void send(List<OutboxMessage> batch, Map<String, Set<String>> flags) throws JMSException {
        // the classic API: Artemis's resource adapter gives a JMSContext no local transaction outside JTA
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            if (!session.getTransacted()) {
                throw new IllegalStateException("the JMS connection factory gives no local transactions outside JTA:"
                        + " allow them on its pool (AllowLocalTransactions, allow-local-transactions)");
            }
            try (MessageProducer producer = session.createProducer(session.createTopic(DOMAIN_EVENTS))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (OutboxMessage row : batch) {
                    producer.send(Envelopes.toMessage(session, row, flags));
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                rollBack(session, e);
                throw e;
            }
        }
    }

    /** A pooled session goes back without the sends of a batch that failed half-way. */
    private static void rollBack(Session session, Exception failure) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
