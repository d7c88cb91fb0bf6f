package dev.evently.paymentsimulator;

import java.util.Map;
import java.util.regex.Pattern;

/** The API Evently calls: create and read payments and refunds. */
final class MerchantApi {

    static final String ID = "([A-Za-z0-9_-]{1,100})";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final long MAX_AMOUNT = 999_999_999_999L;

    private final Ledger ledger;
    private final Decisions decisions;
    private final String publicUrl;

    MerchantApi(Ledger ledger, Decisions decisions, String publicUrl) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.publicUrl = publicUrl;
    }

    void routes(Router router) {
        router.add("GET", "/health", request -> Response.json(200, Map.of("status", "UP")))
                .add("POST", "/v1/payments", this::createPayment)
                .add("GET", "/v1/payments/" + ID, this::payment)
                .add("POST", "/v1/refunds", this::createRefund)
                .add("GET", "/v1/refunds/" + ID, this::refund);
    }

    private Response createPayment(Request request) throws ApiError {
        JsonBody body = request.json(false);
        long amountCents = body.requireLong("amountCents", 1, MAX_AMOUNT);
        String currency = currency(body);
        String reference = body.requireString("reference", 100);
        String description = body.optionalString("description", 1000);
        Ledger.Change<Payment> created = decisions.createPayment(amountCents, currency, reference,
                description == null ? "" : description, idempotencyKey(request));
        return Response.json(created.applied() ? 201 : 200, created.value().toJson(publicUrl, null));
    }

    private Response payment(Request request) throws ApiError {
        Payment payment = ledger.payment(request.path(1));
        if (payment == null) {
            throw ApiError.notFound("payment " + request.path(1));
        }
        return Response.json(200, payment.toJson(publicUrl, ledger.refundsOf(payment.id())));
    }

    private Response createRefund(Request request) throws ApiError {
        JsonBody body = request.json(false);
        String paymentId = body.requireString("paymentId", 100);
        long amountCents = body.requireLong("amountCents", 1, MAX_AMOUNT);
        String currency = currency(body);
        String reference = body.requireString("reference", 100);
        Ledger.Change<Refund> created = decisions.createRefund(paymentId, amountCents, currency, reference,
                idempotencyKey(request));
        return Response.json(created.applied() ? 201 : 200, created.value().toJson());
    }

    private Response refund(Request request) throws ApiError {
        Refund refund = ledger.refund(request.path(1));
        if (refund == null) {
            throw ApiError.notFound("refund " + request.path(1));
        }
        return Response.json(200, refund.toJson());
    }

    private static String currency(JsonBody body) throws ApiError {
        String currency = body.requireString("currency", 3);
        if (!CURRENCY.matcher(currency).matches()) {
            throw ApiError.badRequest("'currency' must be three upper-case letters, such as EUR");
        }
        return currency;
    }

    private static String idempotencyKey(Request request) throws ApiError {
        String key = request.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ApiError.badRequest("'Idempotency-Key' must be 1 to 255 characters");
        }
        return key;
    }
}
