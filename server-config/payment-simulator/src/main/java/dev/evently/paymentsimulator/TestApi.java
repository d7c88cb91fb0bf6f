package dev.evently.paymentsimulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Endpoints for automated tests: decide payments, inject webhooks and faults, look at what was sent. */
final class TestApi {

    private static final long MAX_DELAY_MS = 24L * 60 * 60 * 1000;

    private final Ledger ledger;
    private final Decisions decisions;
    private final Behaviour behaviour;
    private final Webhooks webhooks;
    private final String publicUrl;

    TestApi(Ledger ledger, Decisions decisions, Behaviour behaviour, Webhooks webhooks, String publicUrl) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.behaviour = behaviour;
        this.webhooks = webhooks;
        this.publicUrl = publicUrl;
    }

    void routes(Router router) {
        router.add("POST", "/v1/test/payments/" + MerchantApi.ID + "/(succeed|fail)", this::decide)
                .add("POST", "/v1/test/webhooks", this::injectWebhook)
                .add("GET", "/v1/test/webhooks", this::deliveries)
                .add("GET", "/v1/test/behaviour", request -> Response.json(200, behaviour.current().toJson()))
                .add("POST", "/v1/test/behaviour",
                        request -> Response.json(200, behaviour.update(request.json(false)).toJson()))
                .add("POST", "/v1/test/reset", request -> {
                    behaviour.reset();
                    return Response.json(200, behaviour.current().toJson());
                })
                .add("GET", "/v1/test/stats", this::stats);
    }

    private Response decide(Request request) throws ApiError {
        JsonBody body = request.json(true);
        Long duplicates = body.optionalLong("duplicates", 0, 10);
        Long delayMs = body.optionalLong("delayMs", 0, MAX_DELAY_MS);
        Status status = request.path(2).equals("succeed") ? Status.SUCCEEDED : Status.FAILED;
        Ledger.Change<Payment> decided = decisions.decide(request.path(1), status,
                new Decisions.Faults(duplicates == null ? null : duplicates.intValue(), delayMs));
        if (decided == null) {
            throw ApiError.notFound("payment " + request.path(1));
        }
        if (!decided.applied()) {
            throw new ApiError(409, "payment_already_decided",
                    "payment " + request.path(1) + " is already " + decided.value().status());
        }
        Payment payment = decided.value();
        return Response.json(200, payment.toJson(publicUrl, ledger.refundsOf(payment.id())));
    }

    private Response injectWebhook(Request request) throws ApiError {
        JsonBody body = request.json(false);
        if (!webhooks.enabled()) {
            throw new ApiError(409, "webhooks_disabled", "the simulator was started without a webhook URL");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", decisions.publishCustom(body.fields()));
        return Response.json(202, answer);
    }

    private Response deliveries(Request request) throws ApiError {
        int limit = 100;
        String raw = request.query("limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                throw ApiError.badRequest("'limit' must be an integer from 1 to 100");
            }
        }
        return Response.json(200, Map.of("deliveries", webhooks.recent(limit)));
    }

    private Response stats(Request request) {
        Map<String, Object> stats = new LinkedHashMap<>(ledger.counts());
        stats.put("webhooks", webhooks.stats());
        return Response.json(200, stats);
    }
}
