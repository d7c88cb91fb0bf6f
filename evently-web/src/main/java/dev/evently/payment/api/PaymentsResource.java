package dev.evently.payment.api;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import dev.evently.booking.boundary.BookingView.PaymentLine;
import dev.evently.booking.boundary.Bookings;
import dev.evently.payment.boundary.Payments;

/** The buyer's side of paying: open the provider's checkout for a pending booking, see its payments. */
@Path("bookings/{id}/payments")
@ApplicationScoped
@Roles({"USER", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Payments", description = "Pay for a booking at the payment provider's checkout")
public class PaymentsResource {

    @Inject
    Payments payments;

    @Inject
    Bookings bookings;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Open a checkout for the whole booking",
            description = "The buyer pays at checkoutUrl, the provider's page; the booking stays PENDING until the "
                    + "provider reports the payment succeeded, then it is CONFIRMED with its tickets. While a checkout "
                    + "is open, asking again returns it (200).")
    @APIResponse(responseCode = "201", description = "Checkout opened", content = @Content(schema = @Schema(ref = "Payment")))
    @APIResponse(responseCode = "200", description = "The checkout already open", content = @Content(schema = @Schema(ref = "Payment")))
    @APIResponse(responseCode = "409", description = "booking-not-payable: not pending, or past its hold",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "payment-provider-unavailable: try again after Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response startPayment(@PathParam("id") long bookingId) {
        Payments.Started started = payments.start(caller.userId(), bookingId);
        if (!started.opened()) {
            return Response.ok(started.payment()).build();
        }
        return Response.created(URI.create("bookings/" + bookingId + "/payments/" + started.payment().id()))
                .entity(started.payment()).build();
    }

    @GET
    @Operation(summary = "The booking's payments and the status of their refunds, oldest first")
    @APIResponse(responseCode = "200", description = "Its payments",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "PaymentLine")))
    public List<PaymentLine> listPayments(@PathParam("id") long bookingId) {
        bookings.get(caller.userId(), caller.isAdmin(), bookingId);  // 404 for others' bookings
        return payments.linesOf(bookingId);
    }
}
