package dev.evently.waitlist.api;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.api.security.Caller;
import dev.evently.api.security.Roles;
import dev.evently.waitlist.api.WaitlistRequests.Join;
import dev.evently.waitlist.boundary.WaitlistEntryView;
import dev.evently.waitlist.boundary.Waitlists;

@Path("waitlist")
@RequestScoped
@Roles({"USER", "ADMIN"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Waitlist", description = "Queue for a sold-out event; released seats are offered in join order")
public class WaitlistResource {

    @Inject
    Waitlists waitlists;

    @Inject
    Caller caller;

    @POST
    @Path("join")
    @Operation(summary = "Join an event's waitlist",
            description = "Possible while the event is on sale but has fewer seats available than wanted (sold out "
                    + "or nearly). When seats are released, the next person whose wish fits gets an offer: a PENDING "
                    + "booking holding the seats until offer.until, to be confirmed like any booking (and an email).")
    @APIResponse(responseCode = "201", description = "In the queue", content = @Content(schema = @Schema(ref = "WaitlistEntry")))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "already-waiting (one place per person and event), "
            + "seats-available (book them instead) or the event is not on sale",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response joinWaitlist(@NotNull @Valid Join request) {
        WaitlistEntryView entry = waitlists.join(caller.userId(), request.eventId(), request.seats());
        return Response.created(URI.create("waitlist/" + entry.id())).entity(entry).build();
    }

    @GET
    @Path("my-entries")
    @Operation(summary = "The caller's waitlist entries, newest first (position 1 is next in line)")
    @APIResponse(responseCode = "200", description = "Entries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "WaitlistEntry")))
    public List<WaitlistEntryView> myWaitlistEntries() {
        return waitlists.mine(caller.userId());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Leave the waitlist; an open offer is declined and its seats go to the next person")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "404", description = "No such entry of the caller",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The entry has already ended, or an offer arrived just now",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response leaveWaitlist(@PathParam("id") long id) {
        waitlists.leave(caller.userId(), id);
        return Response.noContent().build();
    }
}
