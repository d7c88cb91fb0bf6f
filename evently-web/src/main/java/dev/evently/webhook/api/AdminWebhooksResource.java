package dev.evently.webhook.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.api.problem.Problem;
import dev.evently.api.problem.QueryParameters;
import dev.evently.api.security.Roles;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.webhook.api.WebhookBodies.CreatedWebhookResponse;
import dev.evently.webhook.api.WebhookBodies.DeliveryResponse;
import dev.evently.webhook.api.WebhookBodies.WebhookRequest;
import dev.evently.webhook.api.WebhookBodies.WebhookResponse;
import dev.evently.webhook.boundary.Webhooks;

/**
 * Outgoing webhooks as admins manage them: endpoints that receive the domain events they want as signed POSTs
 * (README, "Integrating"), each endpoint's delivery log, and sending a delivery again.
 */
@Path("admin/webhooks")
@RequestScoped
@Roles("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: webhooks", description = "Domain events posted to other systems")
@SecurityRequirement(name = "bearer")
public class AdminWebhooksResource {

    static final int MAX_DELIVERIES = 200;
    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");

    @Inject
    Webhooks webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint (ADMIN only); the answer holds its signing secret, shown only this once")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "CreatedWebhook")))
    @APIResponse(responseCode = "409", description = "too-many-webhooks: there are already 20 endpoints",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response createWebhook(@Valid @NotNull WebhookRequest request) {
        Webhooks.Created created = webhooks.create(request.url(), request.eventTypes(),
                request.enabled() == null || request.enabled());
        return Response.created(URI.create("admin/webhooks/" + created.endpoint().id()))
                .entity(CreatedWebhookResponse.of(created)).build();
    }

    @GET
    @Operation(summary = "Every endpoint, oldest first (ADMIN only; no secrets)")
    @APIResponse(responseCode = "200", description = "The endpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookResponse.class)))
    public List<WebhookResponse> listWebhooks() {
        return webhooks.list().stream().map(WebhookResponse::of).toList();
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "An endpoint (ADMIN only; no secret)")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "Webhook")))
    public WebhookResponse getWebhook(@PathParam("id") long id) {
        return WebhookResponse.of(webhooks.find(id));
    }

    @PUT
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an endpoint's URL, event types or enabled flag (ADMIN only)",
            description = "Enabling a disabled endpoint sends its waiting deliveries again; the secret stays.")
    @APIResponse(responseCode = "200", description = "The endpoint as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "Webhook")))
    public WebhookResponse updateWebhook(@PathParam("id") long id, @Valid @NotNull WebhookRequest request) {
        boolean enabled = request.enabled() != null ? request.enabled() : webhooks.find(id).enabled();
        return WebhookResponse.of(webhooks.update(id, request.url(), request.eventTypes(), enabled));
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "Delete an endpoint and its delivery log (ADMIN only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteWebhook(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id: [0-9]{1,18}}/deliveries")
    @Operation(summary = "An endpoint's deliveries, newest first (ADMIN only)")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryResponse.class)))
    public List<DeliveryResponse> listDeliveries(@PathParam("id") long id,
            @Parameter(description = "PENDING, DELIVERED or FAILED; all when absent",
                    schema = @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}))
            @QueryParam("status") String status,
            @Parameter(description = "At most this many (1 to 200, default 50)")
            @QueryParam("limit") String limit) {
        String wanted = QueryParameters.text("status", status);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new InvalidRequestException("status", "PENDING, DELIVERED or FAILED");
        }
        int max = QueryParameters.number("limit", limit, 50, 1, MAX_DELIVERIES);
        return webhooks.deliveries(id, wanted, max).stream().map(DeliveryResponse::of).toList();
    }

    @POST
    @Path("{id: [0-9]{1,18}}/deliveries/{deliveryId: [0-9]{1,18}}/redeliver")
    @Operation(summary = "Send a delivery again (ADMIN only)",
            description = "Due now, after any earlier pending delivery of the endpoint; its attempts are kept and the "
                    + "give-up time counts from its next attempt.")
    @APIResponse(responseCode = "202", description = "Pending again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "WebhookDelivery")))
    public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(DeliveryResponse.of(webhooks.redeliver(id, deliveryId))).build();
    }
}
