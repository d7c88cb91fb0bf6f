package dev.evently.catalog.api;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.catalog.boundary.EventQuery;
import dev.evently.catalog.boundary.Events;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.api.problem.QueryParameters;
import dev.evently.api.security.Public;

/** One instance for all requests: the busiest public reads create and inject nothing per request. */
@Public("browsing the catalogue needs no account")
@Path("events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Browse upcoming events and their seat maps; no account needed")
public class EventsResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;
    /** What {@code GET /api/events} without parameters asks for (also served by {@link CachedCatalogReads}). */
    static final EventQuery FIRST_PAGE = new EventQuery(null, null, null, null, 0, DEFAULT_PAGE_SIZE);

    @Inject
    Events events;

    @GET
    @Operation(summary = "Upcoming published events",
            description = "Soonest first. Filters combine: text in name or description, venue, a start-time window.")
    @APIResponse(responseCode = "200", description = "A page of events",
            content = @Content(schema = @Schema(ref = "EventPage")))
    @APIResponse(responseCode = "400", description = "A filter or paging value is invalid",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response listEvents(
            @Parameter(description = "Text in the name or description", example = "jazz") @QueryParam("q") String text,
            @Parameter(description = "Text in the venue", example = "Main Hall") @QueryParam("venue") String venue,
            @Parameter(description = "Starts at or after (ISO-8601 instant)", example = "2027-01-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Starts before (ISO-8601 instant)", example = "2027-12-31T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("size") String size,
            @HeaderParam("If-None-Match") @Parameter(hidden = true) String ifNoneMatch,
            @HeaderParam("Accept-Encoding") @Parameter(hidden = true) String acceptEncoding) {
        Instant fromTime = QueryParameters.instant("from", from);
        Instant toTime = QueryParameters.instant("to", to);
        if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        EventQuery query = new EventQuery(QueryParameters.text("q", text), QueryParameters.text("venue", venue),
                fromTime, toTime, QueryParameters.number("page", page, 0, 0, 100_000),
                QueryParameters.number("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
        return CachedResponses.of(events.upcoming(query), ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event, with its sections and what is still available")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(ref = "EventDetails")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such (published) event",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getEvent(@PathParam("id") long id,
                            @HeaderParam("If-None-Match") @Parameter(hidden = true) String ifNoneMatch,
            @HeaderParam("Accept-Encoding") @Parameter(hidden = true) String acceptEncoding) {
        return CachedResponses.of(events.details(id), ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("{id}/seats")
    @Operation(summary = "The seat map: every seat with its status, and availability counts",
            description = "Cached as ready JSON; send If-None-Match with the last ETag to get 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "Seats in id order with counts",
            content = @Content(schema = @Schema(ref = "SeatMap")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such (published) event",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response getSeatMap(@PathParam("id") long id,
                          @HeaderParam("If-None-Match") @Parameter(hidden = true) String ifNoneMatch,
            @HeaderParam("Accept-Encoding") @Parameter(hidden = true) String acceptEncoding) {
        return CachedResponses.of(events.seatMap(id), ifNoneMatch, acceptEncoding);
    }
}
