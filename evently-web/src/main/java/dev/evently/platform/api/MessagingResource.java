package dev.evently.platform.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.api.problem.QueryParameters;
import dev.evently.api.security.Roles;
import dev.evently.outbox.boundary.OutboxBacklog;
import dev.evently.platform.boundary.DeadLetters;
import dev.evently.platform.errors.NotFoundException;

@Path("admin/messaging")
@RequestScoped
@Roles("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: messaging", description = "The outbox backlog and the dead-letter queue, for operators")
public class MessagingResource {

    @Inject
    OutboxBacklog outbox;

    @Inject
    DeadLetters deadLetters;

    @GET
    @Path("outbox")
    @Operation(summary = "Domain events waiting to be published (a broker outage shows here, then drains)")
    @APIResponse(responseCode = "200", description = "The backlog", content = @Content(schema = @Schema(ref = "OutboxBacklog")))
    public OutboxBacklog.Backlog outboxBacklog() {
        return outbox.now();
    }

    @GET
    @Path("dead-letters")
    @Operation(summary = "Messages consumers gave up on after the retries, oldest first (browsed, not removed)")
    @APIResponse(responseCode = "200", description = "The dead letters", content = @Content(schema = @Schema(ref = "DeadLetters")))
    @APIResponse(responseCode = "400", description = "Invalid limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public DeadLetters.Listing listDeadLetters(@QueryParam("limit") String limit) {
        return deadLetters.oldest(QueryParameters.number("limit", limit, 50, 1, 500));
    }

    @POST
    @Path("dead-letters/{messageId}/replay")
    @Operation(summary = "Moves one dead letter back to the queue it came from, to be consumed again")
    @APIResponse(responseCode = "204", description = "Back on its queue")
    @APIResponse(responseCode = "404", description = "No dead letter with that id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public void replayDeadLetter(@PathParam("messageId") String messageId) {
        if (!deadLetters.replay(messageId)) {
            throw new NotFoundException("dead-letter-not-found", "No dead letter " + messageId);
        }
    }
}
