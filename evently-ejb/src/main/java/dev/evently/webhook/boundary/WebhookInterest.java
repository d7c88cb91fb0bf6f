package dev.evently.webhook.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.evently.outbox.event.OutgoingBatch;
import dev.evently.webhook.control.WebhookStore;

/**
 * Flags the domain events some webhook endpoint wants as the outbox publishes them ({@link OutgoingBatch}): only
 * those reach the webhooks' subscription (broker.properties: it selects on {@value #FLAG}), so an event no endpoint
 * wants costs the webhooks nothing, where it was a message, a transaction and a query. The endpoints are read in the
 * relay's transaction, after the batch's events committed: an endpoint enabled before an event committed gets it.
 */
@ApplicationScoped
public class WebhookInterest {

    /** The boolean message property the webhooks' subscription selects on. */
    public static final String FLAG = "webhooks";

    @Inject
    WebhookStore store;

    void flagWanted(@Observes OutgoingBatch batch) {
        batch.flag(FLAG, store.wantedTypes());
    }
}
