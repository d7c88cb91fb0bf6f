package dev.evently.booking.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import dev.evently.booking.api.BookingRequests.CheckIn;
import dev.evently.booking.boundary.TicketView;
import dev.evently.booking.boundary.Tickets;
import dev.evently.api.security.Caller;
import dev.evently.api.security.Roles;

@Path("")
@RequestScoped
@SecurityRequirement(name = "bearer")
@Tag(name = "Tickets", description = "QR codes for ticket holders, admission at the door")
public class TicketsResource {

    @Inject
    Tickets tickets;

    @Inject
    Caller caller;

    @GET
    @Path("tickets/{id}/qr")
    @Roles({"USER", "ADMIN"})
    @Produces("image/png")
    @Operation(summary = "The ticket's code as a QR image (PNG)")
    @APIResponse(responseCode = "200", description = "PNG", content = @Content(mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such ticket of the caller",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response ticketQr(@PathParam("id") long id) {
        return Response.ok(tickets.qrPng(caller.userId(), caller.isAdmin(), id), "image/png").build();
    }

    @POST
    @Path("admin/check-in")
    @Roles("ADMIN")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admit a ticket holder: once per ticket")
    @APIResponse(responseCode = "200", description = "Admitted", content = @Content(schema = @Schema(ref = "Ticket")))
    @APIResponse(responseCode = "400", description = "Not a genuine ticket code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Already admitted, or the ticket is void",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public TicketView checkIn(@NotNull @Valid CheckIn request) {
        return tickets.checkIn(request.code());
    }
}
