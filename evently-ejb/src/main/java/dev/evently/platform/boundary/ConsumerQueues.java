package dev.evently.platform.boundary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.platform.control.QueueBrowsing;

/**
 * What waits on the broker for Evently's consumers, queue by queue: how far each consumer is behind. Browsing
 * never takes a message off a queue.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsumerQueues {

    private static final Logger LOG = Logger.getLogger(ConsumerQueues.class.getName());

    @Inject
    ConnectionFactory connectionFactory;

    /** The setting that names the queues Evently's consumers read, as their message-driven beans name them. */
    public static final String QUEUES_SETTING = "evently.metrics.consumer-queues";
    public static final String QUEUES_DEFAULT = "evently.domain-events::evently.waitlist,evently.payments,"
            + "evently.domain-events::evently.webhooks";

    @Inject
    @ConfigProperty(name = QUEUES_SETTING, defaultValue = QUEUES_DEFAULT)
    List<String> queues;

    /** The messages waiting in a queue (at most the bound asked for) and when the oldest of them was sent, or null. */
    public record Backlog(long messages, Instant oldestSentAt) {
    }

    /** The backlog of each queue Evently's consumers read (at most {@code max} messages counted per queue). */
    public Map<String, Backlog> backlogs(long max) {
        return backlogs(queues, max);
    }

    /**
     * @param queues the queues as their consumers name them: a queue, or {@code address::queue} for a
     *               subscription of a topic
     * @return each queue's backlog; a queue that could not be browsed is left out
     */
    private Map<String, Backlog> backlogs(List<String> queues, long max) {
        Map<String, Backlog> backlogs = new LinkedHashMap<>();
        try (JMSContext jms = connectionFactory.createContext()) {
            for (String queue : queues) {
                try {
                    backlogs.put(queue, backlog(jms, queue, max));
                } catch (JMSException | JMSRuntimeException e) {
                    LOG.log(Level.FINE, "cannot browse " + queue, e);
                }
            }
        }
        return backlogs;
    }

    private static Backlog backlog(JMSContext jms, String queue, long max) throws JMSException {
        long[] oldest = {Long.MAX_VALUE};
        long count = QueueBrowsing.browse(jms, jms.createQueue(queue), max, message -> {
            long sent = message.getJMSTimestamp();
            if (sent > 0 && sent < oldest[0]) {
                oldest[0] = sent;
            }
        });
        return new Backlog(count, oldest[0] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(oldest[0]));
    }
}
