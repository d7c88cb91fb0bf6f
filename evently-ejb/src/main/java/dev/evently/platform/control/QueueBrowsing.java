package dev.evently.platform.control;

import java.util.Enumeration;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

/**
 * Reads a queue without taking anything off it, up to a bound: every browsed message comes over the wire, so a
 * backlog of millions is counted as "at least the bound", not pulled in whole.
 */
public final class QueueBrowsing {

    /** What is done with each browsed message. */
    public interface Visitor {
        void visit(Message message) throws JMSException;
    }

    private QueueBrowsing() {
    }

    /** Visits the queue's messages in queue order, at most {@code max} of them; returns how many it visited. */
    public static long browse(JMSContext jms, Queue queue, long max, Visitor visitor) throws JMSException {
        try (QueueBrowser browser = jms.createBrowser(queue)) {
            long count = 0;
            for (Enumeration<?> all = browser.getEnumeration(); all.hasMoreElements() && count < max; count++) {
                visitor.visit((Message) all.nextElement());
            }
            return count;
        }
    }
}
