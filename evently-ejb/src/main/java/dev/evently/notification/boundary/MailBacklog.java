package dev.evently.notification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import dev.evently.notification.control.MailQueue;

/**
 * The mails waiting to be sent and the oldest of them, for operators (the staff console): the figures the
 * metrics show as {@code evently_mails_pending}, read when asked rather than sampled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MailBacklog {

    @Inject
    MailQueue queue;

    public MailQueue.Backlog now() {
        return queue.backlog();
    }
}
