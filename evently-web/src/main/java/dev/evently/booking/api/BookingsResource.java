package dev.evently.booking.api;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.booking.api.BookingRequests.NewBooking;
import dev.evently.booking.boundary.BookingPage;
import dev.evently.booking.boundary.BookingView;
import dev.evently.booking.boundary.Bookings;
import dev.evently.booking.boundary.Cancellations;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.api.problem.QueryParameters;
import dev.evently.api.security.Caller;
import dev.evently.api.security.Clients;
import dev.evently.api.security.Roles;
import dev.evently.platform.control.Limits;
import dev.evently.platform.control.Limits.Limit;
import dev.evently.platform.errors.TooManyRequestsException;
import dev.evently.payment.boundary.Payments;

/**
 * One instance for all requests (the caller is request-scoped behind its proxy): a rush creates nothing per
 * request.
 */
@Path("bookings")
@ApplicationScoped
@Roles({"USER", "ADMIN"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Bookings", description = "Hold exact seats, pay, get tickets; a booking is visible to its owner only")
public class BookingsResource {

    @Inject
    Bookings bookings;

    @Inject
    Cancellations cancellations;

    @Inject
    Payments payments;

    @Inject
    Caller caller;

    @Inject
    Clients clients;

    @Inject
    Limits limits;

    /** Hold requests per user and minute; 0 switches the limit off. */
    @Inject
    @ConfigProperty(name = "evently.limits.holds-per-user", defaultValue = "30")
    long holdsPerUser;

    /** Hold requests per client address and minute (an office, a venue's wifi share one); 0: off. */
    @Inject
    @ConfigProperty(name = "evently.limits.holds-per-address", defaultValue = "300")
    long holdsPerAddress;

    @POST
    @Operation(summary = "Hold seats",
            description = "Locks exactly these seats; all must be available and belong to the event, else nothing "
                    + "changes. The booking is PENDING until confirmed or until expiresAt. With an Idempotency-Key, "
                    + "a retry returns the first booking.")
    @APIResponse(responseCode = "201", description = "Held",
            content = @Content(schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "event-not-found: no event with this eventId",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Seats unavailable (listed in unavailableSeatIds), event not on "
            + "sale, the same Idempotency-Key still in flight, hold-limit-reached (the caller already holds as many "
            + "unpaid seats of the event as one person may), or seats-busy: others are booking the same seats "
            + "right now (retry in a moment)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "too-many-requests: too many holds by this user or from this "
            + "address within the minute",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response holdSeats(@NotNull @Valid NewBooking request,
                         @Parameter(description = "Any unique string up to 100 characters; retries reuse it")
                         @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServletRequest http) {
        long userId = caller.userId();
        limits.hit(new Limit("holds:user", holdsPerUser, Duration.ofMinutes(1)), String.valueOf(userId))
                .or(() -> limits.hit(new Limit("holds:address", holdsPerAddress, Duration.ofMinutes(1)),
                        clients.address(http)))
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("Too many holds", wait);
                });
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new InvalidRequestException("Idempotency-Key", "1 to 100 characters");
        }
        Bookings.Held held = bookings.hold(userId, request.eventId(), request.seatIds(), idempotencyKey);
        return Response.created(URI.create("bookings/" + held.booking().id()))
                .header("Idempotent-Replayed", String.valueOf(held.replayed()))
                .entity(held.booking())
                .build();
    }

    @GET
    @Path("my-bookings")
    @Operation(summary = "The caller's bookings, newest first")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(ref = "BookingPage")))
    public BookingPage myBookings(@QueryParam("page") String page, @QueryParam("size") String size) {
        return bookings.mine(caller.userId(), QueryParameters.number("page", page, 0, 0, 100_000),
                QueryParameters.number("size", size, 20, 1, 100));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's bookings (any booking for an admin), with its payments")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "404", description = "No such booking of the caller",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public BookingView getBooking(@PathParam("id") long id) {
        return bookings.get(caller.userId(), caller.isAdmin(), id).withPayments(payments.linesOf(id));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel: seats go back on sale, tickets are voided, a paid booking is refunded",
            description = "A paid booking becomes REFUND_PENDING, then REFUNDED once the provider confirms the refund. "
                    + "Its buyer may cancel it until the cancel deadline (EVENTLY_CANCEL_DEADLINE, 48 h) before the "
                    + "event starts, an admin until the event ends; nobody once a ticket was used at the door.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(ref = "Booking")))
    @APIResponse(responseCode = "404", description = "No such booking of the caller",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Already ended (booking-not-cancellable), cancel-deadline-passed, "
            + "event-ended, ticket-checked-in, or seats-busy (the booking is being expired or changed right now)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public BookingView cancelBooking(@PathParam("id") long id) {
        return cancellations.cancel(caller.userId(), caller.isAdmin(), id);
    }
}
