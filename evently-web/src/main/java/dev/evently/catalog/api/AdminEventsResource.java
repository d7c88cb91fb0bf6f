package dev.evently.catalog.api;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.catalog.api.EventRequests.EventChange;
import dev.evently.catalog.api.EventRequests.NewEvent;
import dev.evently.catalog.boundary.EventDetails;
import dev.evently.catalog.boundary.Events;
import dev.evently.api.security.Roles;

@Path("admin/events")
@RequestScoped
@Roles("ADMIN")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: events", description = "Create, change, publish and cancel events (ADMIN only)")
public class AdminEventsResource {

    @Inject
    Events events;

    @POST
    @Operation(summary = "Create a draft event and generate its seat map from the layout")
    @APIResponse(responseCode = "201", description = "Created, as a draft",
            content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@NotNull @Valid NewEvent request) {
        EventDetails created = events.create(request.draft());
        return Response.created(URI.create("admin/events/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An event in any status, drafts included")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails get(@PathParam("id") long id) {
        return events.adminDetails(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an event's details (and its layout while no seat is held or booked)",
            description = "Quote the version you last read; a stale version is refused with 409 stale-version.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "409", description = "Stale version, seats already sold, or event cancelled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails update(@PathParam("id") long id, @NotNull @Valid EventChange request) {
        return events.update(id, request.draft());
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Put a draft on sale")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails publish(@PathParam("id") long id) {
        return events.publish(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel an event",
            description = "Nothing is deleted: bookings and tickets stay as history, and ticket holders are notified.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "409", description = "Already cancelled", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails cancel(@PathParam("id") long id) {
        return events.cancel(id);
    }
}
