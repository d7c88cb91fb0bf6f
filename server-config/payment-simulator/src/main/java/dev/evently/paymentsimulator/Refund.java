package dev.evently.paymentsimulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refund of (part of) a payment; {@code reference} is the merchant's own refund id. */
record Refund(String id, String paymentId, long amountCents, String currency, String reference,
              Status status, Instant createdAt, String idempotencyKey) {

    Refund withStatus(Status newStatus) {
        return new Refund(id, paymentId, amountCents, currency, reference, newStatus, createdAt, idempotencyKey);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", status.name());
        json.put("paymentId", paymentId);
        json.put("amountCents", amountCents);
        json.put("currency", currency);
        json.put("reference", reference);
        json.put("createdAt", createdAt.toString());
        return json;
    }

    Map<String, Object> toJournal() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", "refund");
        line.put("id", id);
        line.put("paymentId", paymentId);
        line.put("amountCents", amountCents);
        line.put("currency", currency);
        line.put("reference", reference);
        line.put("status", status.name());
        line.put("createdAt", createdAt.toString());
        line.put("idempotencyKey", idempotencyKey);
        return line;
    }

    static Refund fromJournal(Map<String, Object> line) {
        return new Refund((String) line.get("id"), (String) line.get("paymentId"), (Long) line.get("amountCents"),
                (String) line.get("currency"), (String) line.get("reference"),
                Status.valueOf((String) line.get("status")), Instant.parse((String) line.get("createdAt")),
                (String) line.get("idempotencyKey"));
    }
}
