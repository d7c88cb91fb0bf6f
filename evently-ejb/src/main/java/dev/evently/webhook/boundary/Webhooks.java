package dev.evently.webhook.boundary;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.outbox.event.DomainEvents;
import dev.evently.outbox.event.ReceivedEvent;
import dev.evently.platform.control.Inbox;
import dev.evently.platform.errors.ConflictException;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.webhook.control.WebhookPost;
import dev.evently.webhook.control.WebhookStore;
import dev.evently.webhook.control.WebhookStore.Delivery;
import dev.evently.webhook.control.WebhookStore.Endpoint;
import dev.evently.webhook.control.WebhookUrls;

/**
 * Webhook endpoints as admins manage them (at most {@value #MAX_ENDPOINTS}), their delivery logs and manual
 * redelivery; and the intake of the domain events, which records the deliveries they owe.
 */
@Stateless
public class Webhooks {

    public static final int MAX_ENDPOINTS = 20;
    public static final int MAX_EVENT_TYPES = 50;
    static final String CONSUMER = "webhooks";

    /** An endpoint just made, with its secret: the only time the secret is shown. */
    public record Created(Endpoint endpoint, String secret) {
    }

    @Inject
    WebhookStore store;

    @Inject
    Inbox inbox;

    @Inject
    @ConfigProperty(name = "evently.webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    Clock clock = Clock.systemUTC();
    private WebhookUrls urls;

    @PostConstruct
    void init() {
        urls = new WebhookUrls(allowPrivate);
    }

    public Created create(String url, List<String> eventTypes, boolean enabled) {
        String checked = checkedUrl(url);
        List<String> types = checkedTypes(eventTypes);
        store.lockEndpoints();
        if (store.countEndpoints() >= MAX_ENDPOINTS) {
            throw new ConflictException("too-many-webhooks", "There are already " + MAX_ENDPOINTS
                    + " webhook endpoints, the most Evently keeps; delete one first");
        }
        String secret = WebhookPost.newSecret();
        long id = store.insertEndpoint(checked, types, secret, enabled);
        return new Created(find(id), secret);
    }

    public List<Endpoint> list() {
        return store.endpoints(MAX_ENDPOINTS * 2);
    }

    public Endpoint find(long id) {
        return store.endpoint(id).orElseThrow(() -> notFound(id));
    }

    /** Changes an endpoint; enabling a disabled one lets its waiting deliveries go out again. */
    public Endpoint update(long id, String url, List<String> eventTypes, boolean enabled) {
        if (!store.updateEndpoint(id, checkedUrl(url), checkedTypes(eventTypes), enabled)) {
            throw notFound(id);
        }
        return find(id);
    }

    /** Deletes an endpoint with its deliveries. */
    public void delete(long id) {
        if (!store.deleteEndpoint(id)) {
            throw notFound(id);
        }
    }

    /** The endpoint's deliveries, newest first; {@code status} PENDING, DELIVERED, FAILED or null for all. */
    public List<Delivery> deliveries(long id, String status, int limit) {
        find(id);
        return store.deliveries(id, status, limit);
    }

    /** Sends a delivery again as soon as its endpoint is free (after any earlier pending one), attempts kept. */
    public Delivery redeliver(long id, long deliveryId) {
        if (!store.redeliver(id, deliveryId, clock.instant())) {
            throw new NotFoundException("webhook-delivery-not-found",
                    "Webhook endpoint " + id + " has no delivery " + deliveryId);
        }
        return store.delivery(id, deliveryId).orElseThrow();
    }

    /**
     * Records a delivery of the event to every enabled endpoint that wants its type, once per event (the inbox,
     * and the deliveries' key). Returns how many were recorded.
     *
     * @param envelope the message's text, exactly as published: every attempt posts it byte for byte
     */
    public int enqueue(ReceivedEvent event, String envelope) {
        if (!store.anySubscriber(event.typeName()) || !inbox.firstDelivery(CONSUMER, event.id())) {
            return 0;
        }
        return store.enqueue(event.id(), event.typeName(), envelope);
    }

    private String checkedUrl(String url) {
        try {
            return urls.check(url).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("url", e.getMessage());
        }
    }

    private static List<String> checkedTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty() || eventTypes.size() > MAX_EVENT_TYPES) {
            throw new InvalidRequestException("eventTypes", "from 1 to " + MAX_EVENT_TYPES + " event types");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : eventTypes) {
            if (type == null || DomainEvents.named(type).isEmpty()) {
                throw new InvalidRequestException("eventTypes", "not an event type Evently publishes: "
                        + (type == null ? "null" : type.length() > 100 ? type.substring(0, 100) + "…" : type));
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("webhook-not-found", "No webhook endpoint " + id);
    }
}
