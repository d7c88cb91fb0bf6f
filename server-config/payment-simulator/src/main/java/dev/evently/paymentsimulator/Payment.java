package dev.evently.paymentsimulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A payment as the provider knows it; {@code reference} is the merchant's own payment id. */
record Payment(String id, long amountCents, String currency, String reference, String description,
               Status status, Instant createdAt, String idempotencyKey) {

    Payment withStatus(Status newStatus) {
        return new Payment(id, amountCents, currency, reference, description, newStatus, createdAt, idempotencyKey);
    }

    Map<String, Object> toJson(String publicUrl, List<Refund> refunds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", status.name());
        json.put("amountCents", amountCents);
        json.put("currency", currency);
        json.put("reference", reference);
        json.put("description", description);
        json.put("checkoutUrl", publicUrl + "/checkout/" + id);
        json.put("createdAt", createdAt.toString());
        if (refunds != null) {
            json.put("refunds", refunds.stream().map(Refund::toJson).toList());
        }
        return json;
    }

    Map<String, Object> toJournal() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", "payment");
        line.put("id", id);
        line.put("amountCents", amountCents);
        line.put("currency", currency);
        line.put("reference", reference);
        line.put("description", description);
        line.put("status", status.name());
        line.put("createdAt", createdAt.toString());
        line.put("idempotencyKey", idempotencyKey);
        return line;
    }

    static Payment fromJournal(Map<String, Object> line) {
        return new Payment((String) line.get("id"), (Long) line.get("amountCents"), (String) line.get("currency"),
                (String) line.get("reference"), (String) line.get("description"),
                Status.valueOf((String) line.get("status")), Instant.parse((String) line.get("createdAt")),
                (String) line.get("idempotencyKey"));
    }
}
