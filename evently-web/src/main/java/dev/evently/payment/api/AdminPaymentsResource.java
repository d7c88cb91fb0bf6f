package dev.evently.payment.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import dev.evently.api.security.Caller;
import dev.evently.api.security.Roles;
import dev.evently.payment.boundary.PaymentView;
import dev.evently.payment.boundary.Payments;
import dev.evently.payment.entity.PaymentMethod;

/** Money staff take outside the provider (the box office's cash drawer, its card terminal), recorded with who. */
@Path("admin/bookings/{id}/mark-paid")
@ApplicationScoped
@Roles("ADMIN")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: payments", description = "Money taken at the box office")
public class AdminPaymentsResource {

    @Inject
    Payments payments;

    @Inject
    Caller caller;

    @Schema(name = "ManualPayment", description = "Money taken outside the payment provider")
    public record ManualPayment(
            @NotNull @Pattern(regexp = "CASH|CARD_TERMINAL") @Schema(required = true, enumeration = {"CASH", "CARD_TERMINAL"})
            String method,
            @Size(max = 500) @Schema(example = "paid at the box office, receipt 1042") String note) {

        public ManualPayment(String method, String note) {
            this.method = method;
            this.note = note;
        }
    }

    @POST
    @Operation(summary = "Record money taken for a pending booking: it is confirmed and its tickets issued")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(ref = "Payment")))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such booking",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "booking-not-payable: not pending, or expired with its seats taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response markPaid(@PathParam("id") long bookingId, @NotNull @Valid ManualPayment request) {
        PaymentView payment = payments.markPaid(caller.userId(), bookingId, PaymentMethod.valueOf(request.method()),
                request.note());
        return Response.status(Response.Status.CREATED).entity(payment).build();
    }
}
