package dev.evently.catalog.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.catalog.api.EventRequests.EventChange;
import dev.evently.catalog.api.EventRequests.NewEvent;
import dev.evently.catalog.boundary.EventDetails;
import dev.evently.catalog.boundary.Events;
import dev.evently.api.security.Caller;
import dev.evently.api.security.Roles;
import dev.evently.booking.boundary.BookingExports;
import dev.evently.platform.control.Limits;
import dev.evently.platform.control.Limits.Limit;
import dev.evently.platform.errors.TooManyRequestsException;

@Path("admin/events")
@RequestScoped
@Roles("ADMIN")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: events", description = "Create, change, publish and cancel events, and export their bookings and attendees as CSV (ADMIN only)")
public class AdminEventsResource {

    @Inject
    Events events;

    @Inject
    BookingExports exports;

    @Inject
    Caller caller;

    @Inject
    Limits limits;

    /**
     * Exports per admin and minute; 0 switches the limit off. Each one holds a database connection and a request
     * thread for as long as the client takes to read it, so a script looping on them is stopped early.
     */
    @Inject
    @ConfigProperty(name = "evently.limits.exports-per-user", defaultValue = "30")
    long exportsPerUser;

    @POST
    @Operation(summary = "Create a draft event and generate its seat map from the layout")
    @APIResponse(responseCode = "201", description = "Created, as a draft",
            content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response createEvent(@NotNull @Valid NewEvent request) {
        EventDetails created = events.create(request.draft());
        return Response.created(URI.create("admin/events/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An event in any status, drafts included")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails getEventForStaff(@PathParam("id") long id) {
        return events.adminDetails(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an event's details (and its layout while no seat is held or booked)",
            description = "Quote the version you last read; a stale version is refused with 409 stale-version.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "409", description = "Stale version, seats already sold, or event cancelled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails updateEvent(@PathParam("id") long id, @NotNull @Valid EventChange request) {
        return events.update(id, request.draft());
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Put a draft on sale")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails publishEvent(@PathParam("id") long id) {
        return events.publish(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel an event",
            description = "Nothing is deleted: bookings and tickets stay as history, and ticket holders are notified.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "409", description = "Already cancelled", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventDetails cancelEvent(@PathParam("id") long id) {
        return events.cancel(id);
    }

    @GET
    @Path("{id}/bookings.csv")
    @Produces("text/csv")
    @Operation(summary = "An event's bookings as CSV, streamed",
            description = "One row per booking of any status, oldest first: booking id, status, customer email, "
                    + "customer name, seats, seat count, total (a decimal), currency, created at, paid at, "
                    + "cancelled at (ISO-8601, UTC). Every cell quoted; a cell starting with = + - @ gets a leading "
                    + "apostrophe. Sent in chunks as the rows are read, however many there are.")
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "too-many-requests: too many exports by this admin within the minute",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response exportBookings(@PathParam("id") long id) {
        return csv(id, "bookings", exports::bookings);
    }

    @GET
    @Path("{id}/attendees.csv")
    @Produces("text/csv")
    @Operation(summary = "An event's attendees as CSV, streamed",
            description = "One row per ticket that admits someone (VALID or CHECKED_IN) of the event's CONFIRMED "
                    + "bookings: ticket id, seat, section, holder email, holder name, booking id, ticket status, "
                    + "checked in at. Never the ticket codes. Sent in chunks as the rows are read.")
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "too-many-requests: too many exports by this admin within the minute",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response exportAttendees(@PathParam("id") long id) {
        return csv(id, "attendees", exports::attendees);
    }

    @FunctionalInterface
    private interface Export {
        void write(long eventId, Writer out) throws IOException;
    }

    /**
     * Refuses (429, 404) while nothing is sent yet; then streams: the rows are written to the response as they are
     * read, without a Content-Length (chunked).
     */
    private Response csv(long eventId, String what, Export export) {
        limits.hit(new Limit("exports:user", exportsPerUser, Duration.ofMinutes(1)), String.valueOf(caller.userId()))
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("Too many exports", wait);
                });
        exports.requireEvent(eventId);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
            export.write(eventId, writer);
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"event-" + eventId + "-" + what + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
