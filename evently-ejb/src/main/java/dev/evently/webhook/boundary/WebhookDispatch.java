package dev.evently.webhook.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.notification.control.Mail;
import dev.evently.notification.control.MailQueue;
import dev.evently.webhook.control.RetrySchedule;
import dev.evently.webhook.control.WebhookPost.Outcome;
import dev.evently.webhook.control.WebhookStore;
import dev.evently.webhook.control.WebhookStore.Claimed;

/**
 * The sender's steps that touch the database, each in a transaction of its own: taking due deliveries, and recording
 * what came of an attempt — delivered, tried again later, given up, and the endpoint disabled (with a mail to every
 * admin) once it has failed for the give-up time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDispatch {

    private static final Logger LOG = Logger.getLogger(WebhookDispatch.class.getName());
    private static final int MAX_ADMINS_MAILED = 50;

    @Inject
    WebhookStore store;

    @Inject
    MailQueue mails;

    @Inject
    @ConfigProperty(name = "evently.webhooks.first-retry", defaultValue = "PT10S")
    Duration firstRetry;

    @Inject
    @ConfigProperty(name = "evently.webhooks.give-up-after", defaultValue = "PT24H")
    Duration giveUpAfter;

    Clock clock = Clock.systemUTC();

    RetrySchedule schedule() {
        return new RetrySchedule(firstRetry, RetrySchedule.MAX_PAUSE, giveUpAfter);
    }

    /** Takes the oldest due delivery of up to {@code limit} endpoints not in {@code busy}, leased for {@code lease}. */
    public List<Claimed> claim(List<Long> busy, int limit, Duration lease) {
        Instant now = clock.instant();
        return store.claim(now, now.plus(lease), busy, limit);
    }

    /** Records what came of an attempt. */
    public void settle(Claimed delivery, Outcome outcome) {
        Instant now = clock.instant();
        if (outcome.delivered()) {
            store.delivered(delivery.id(), outcome.statusCode(), outcome.latencyMs(), now);
            return;
        }
        RetrySchedule schedule = schedule();
        Instant first = delivery.firstAttemptedAt() == null ? now : delivery.firstAttemptedAt();
        Instant retryAt = schedule.retryAt(delivery.attempts(), first, now);
        Instant failingSince = store.failed(delivery.id(), outcome.statusCode(), outcome.latencyMs(), outcome.error(),
                retryAt, now);
        if (retryAt == null) {
            LOG.warning(() -> "webhook delivery " + delivery.id() + " of event " + delivery.eventId() + " to endpoint "
                    + delivery.endpointId() + " given up after " + delivery.attempts() + " attempts: " + outcome.error());
        }
        if (schedule.disables(failingSince, now)) {
            disable(delivery.endpointId(), failingSince, outcome.error(), now);
        }
    }

    private void disable(long endpointId, Instant failingSince, String error, Instant now) {
        String reason = "every delivery failed since " + failingSince + " (last: " + error + ")";
        if (!store.disable(endpointId, reason, now)) {
            return;
        }
        String url = store.endpoint(endpointId).map(WebhookStore.Endpoint::url).orElse("?");
        LOG.warning(() -> "webhook endpoint " + endpointId + " (" + url + ") disabled: " + reason);
        String body = """
                The webhook endpoint %d (%s) has been disabled: %s.

                Its deliveries wait; none is sent to it until an admin enables it again
                (PUT /api/admin/webhooks/%d with "enabled": true). Its delivery log is at
                GET /api/admin/webhooks/%d/deliveries.
                """.formatted(endpointId, url, reason, endpointId, endpointId);
        for (String admin : store.adminEmails(MAX_ADMINS_MAILED)) {
            mails.add(new Mail(admin, "Evently: webhook endpoint " + endpointId + " disabled", body),
                    "webhook-endpoint-disabled:" + endpointId);
        }
    }
}
