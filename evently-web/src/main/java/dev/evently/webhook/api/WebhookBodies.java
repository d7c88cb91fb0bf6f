package dev.evently.webhook.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.evently.webhook.boundary.Webhooks;
import dev.evently.webhook.control.WebhookStore.Delivery;
import dev.evently.webhook.control.WebhookStore.Endpoint;
import dev.evently.webhook.control.WebhookUrls;

/**
 * The bodies of the webhook admin API. Each request record spells out its canonical constructor: otherwise javac
 * copies the constraints onto the constructor's parameters, where Payara's OpenAPI scanner takes every constrained
 * parameter for a @PathParam and fails.
 */
public final class WebhookBodies {

    private WebhookBodies() {
    }

    @Schema(name = "WebhookRequest", description = "An endpoint to post domain events to")
    public record WebhookRequest(
            @NotBlank @Size(max = WebhookUrls.MAX_LENGTH)
            @Schema(required = true, description = "http or https; private and loopback addresses are refused",
                    example = "https://hooks.example.com/evently") String url,
            @NotNull @Size(min = 1, max = Webhooks.MAX_EVENT_TYPES)
            @Schema(required = true, description = "Domain-event types to deliver (see the domain-event topic)",
                    example = "[\"booking.created\", \"booking.confirmed\"]") List<String> eventTypes,
            @Schema(description = "Whether deliveries are sent (default true on create; unchanged when left out on "
                    + "update)") Boolean enabled) {
        public WebhookRequest(String url, List<String> eventTypes, Boolean enabled) {
            this.url = url;
            this.eventTypes = eventTypes;
            this.enabled = enabled;
        }
    }

    @Schema(name = "Webhook", description = "A webhook endpoint (its secret is shown only when it is made)")
    public record WebhookResponse(long id, String url, List<String> eventTypes, boolean enabled, Instant createdAt,
                                  Instant disabledAt, String disabledReason, Instant failingSince) {

        static WebhookResponse of(Endpoint e) {
            return new WebhookResponse(e.id(), e.url(), e.eventTypes(), e.enabled(), e.createdAt(), e.disabledAt(),
                    e.disabledReason(), e.failingSince());
        }
    }

    @Schema(name = "CreatedWebhook", description = "A webhook endpoint just made, with its signing secret: the only "
            + "time the secret is shown")
    public record CreatedWebhookResponse(long id, String url, List<String> eventTypes, boolean enabled,
                                         Instant createdAt, String secret) {

        static CreatedWebhookResponse of(Webhooks.Created created) {
            Endpoint e = created.endpoint();
            return new CreatedWebhookResponse(e.id(), e.url(), e.eventTypes(), e.enabled(), e.createdAt(),
                    created.secret());
        }
    }

    @Schema(name = "WebhookDelivery", description = "One domain event's delivery to one endpoint")
    public record DeliveryResponse(long id, String eventId, String eventType,
                                   @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
                                   int attempts, Instant nextAttemptAt, Instant firstAttemptedAt,
                                   Instant lastAttemptedAt, Integer lastStatusCode, Long lastLatencyMs,
                                   String lastError, Instant createdAt, Instant deliveredAt) {

        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(),
                    "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.firstAttemptedAt(),
                    d.lastAttemptedAt(), d.lastStatusCode(), d.lastLatencyMs(), d.lastError(), d.createdAt(),
                    d.deliveredAt());
        }
    }
}
