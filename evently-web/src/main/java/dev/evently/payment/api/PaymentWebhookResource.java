package dev.evently.payment.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.payment.boundary.Payments;
import dev.evently.platform.errors.InvalidRequestException;
import dev.evently.api.security.Public;

/**
 * The payment provider's reports. No token: the {@code Evently-Signature} header is the proof, checked against the
 * raw body before anything is read from it. Each report is applied once; a report already applied, or one that
 * does not fit (published as {@code payment.rejected}), is answered 200 too, so the provider stops resending it.
 */
@Public("the provider proves itself with Evently-Signature, not a token")
@Path("payments/webhook")
@ApplicationScoped
@Tag(name = "Payments")
public class PaymentWebhookResource {

    private static final Logger LOG = Logger.getLogger(PaymentWebhookResource.class.getName());

    @Inject
    Payments payments;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payment provider's signed report of a payment or refund",
            description = "Header Evently-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>; "
                    + "a t more than 5 minutes away is refused.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PaymentReport")))
    @APIResponse(responseCode = "200", description = "Received (applied now, before, or rejected and published)")
    @APIResponse(responseCode = "400", description = "Signed, but not a payment report",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "invalid-signature: missing, wrong or too old; nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "payment-unknown: no such payment (yet); send the report again later",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Map<String, Boolean> receivePaymentReport(@HeaderParam("Evently-Signature") String signature, InputStream body)
            throws IOException {
        byte[] raw = body.readAllBytes();  // bounded by the RequestGuard
        try {
            String done = payments.receive(signature, raw);
            LOG.fine(() -> "payment webhook: " + done);  // one per payment: FINE, as the consumers' lines
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return Map.of("received", true);
    }
}
