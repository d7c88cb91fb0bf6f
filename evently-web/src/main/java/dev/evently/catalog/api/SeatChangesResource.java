package dev.evently.catalog.api;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.api.problem.QueryParameters;
import dev.evently.api.security.Clients;
import dev.evently.api.security.Public;
import dev.evently.catalog.boundary.Events;
import dev.evently.catalog.boundary.LiveSeats;
import dev.evently.catalog.boundary.LiveSeats.News;
import dev.evently.platform.errors.InvalidRequestException;

/**
 * Seat availability as it changes, after a snapshot ({@code GET /api/events/{id}/seats}, which gives its
 * generation): as Server-Sent Events, each (unnamed, a {@code message}) event the seats that changed, grouped by
 * status ({@code {"HELD":"1017+1"}}, see {@code SeatRuns}), with the generation as its id, so that a client that
 * reconnects with {@code Last-Event-ID} misses nothing; a {@code snapshot} event when the client's map may be wrong and
 * it must take a new one. An event name on each of the four events a second would be a tenth of what a watcher
 * receives. Or as a plain poll ({@code Accept: application/json}, {@code ?since=}), the same seats with the
 * generation in the body.
 */
@Public("seat availability is public, as the seat map is")
@Path("events/{id}/seats/changes")
@ApplicationScoped
@Tag(name = "Events")
public class SeatChangesResource {

    /** How long a client waits before it reconnects after the stream ended. */
    private static final long RECONNECT_MILLIS = 1000;
    /** A client that takes longer than this to take one event is let go (it reconnects when it can). */
    private static final long WRITE_TIMEOUT_SECONDS = 10;

    @Inject
    LiveSeats live;

    @Inject
    Events events;

    @Inject
    Clients clients;

    /** Asked for by name only: a client that accepts anything (or sends no Accept) is answered the poll. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(summary = "Follow the seats that change, as Server-Sent Events")
    public void follow(@PathParam("id") long id, @QueryParam("since") String since,
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse, @Context HttpServletRequest request) {
        OptionalLong from = QueryParameters.generation(lastEventId == null ? "since" : "Last-Event-ID",
                lastEventId == null ? since : lastEventId);
        events.details(id);  // 404 for an event that is not public
        live.watch(id, from, new SseWatcher(sink, sse, clients.address(request)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The seats that changed after a generation")
    public Response poll(@PathParam("id") long id, @QueryParam("since") String since) {
        OptionalLong from = QueryParameters.generation("since", since);
        if (from.isEmpty()) {
            throw new InvalidRequestException("since",
                    "the generation of the seat map or of the last changes");
        }
        events.details(id);
        return Response.ok(live.poll(id, from.getAsLong()).json(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The client's open response: each piece of news an event, nothing-changed a comment. */
    private record SseWatcher(SseEventSink sink, Sse sse, String address) implements LiveSeats.Watcher {

        @Override
        public void send(News news) throws Exception {
            if (sink.isClosed()) {
                throw new IllegalStateException("the client has gone");
            }
            OutboundSseEvent event = switch (news.kind()) {
                case HEARTBEAT -> sse.newEventBuilder().reconnectDelay(RECONNECT_MILLIS).comment("").build();
                case SEATS -> data(news).build();  // the stream's usual event: unnamed, a "message"
                case SNAPSHOT -> data(news).name("snapshot").build();
            };
            sink.send(event).toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        private OutboundSseEvent.Builder data(News news) {
            return sse.newEventBuilder().id(String.valueOf(news.generation()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, news.seats());
        }

        @Override
        public void close() {
            sink.close();
        }
    }
}
