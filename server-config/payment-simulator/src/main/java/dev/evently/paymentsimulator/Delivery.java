package dev.evently.paymentsimulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One copy of one webhook event on its way to the merchant. A duplicated event is two deliveries with the
 * same event id. The body is kept as the exact text that is signed and sent.
 */
final class Delivery {

    final String deliveryId;
    final String eventId;
    final String type;
    final String paymentId;
    /** Deliveries in the same lane go out one at a time, in order: the lane of a payment keeps its events in order. */
    final String lane;
    final String body;
    final Instant createdAt;
    /** Epoch milliseconds before which the first attempt must not start; 0 for none. */
    final long holdUntil;

    private int attempts;
    private Integer lastStatus;
    private String lastError;
    private boolean delivered;
    private boolean abandoned;

    Delivery(String deliveryId, String eventId, String type, String paymentId, String lane, String body,
             Instant createdAt, long holdUntil) {
        this.deliveryId = deliveryId;
        this.eventId = eventId;
        this.type = type;
        this.paymentId = paymentId;
        this.lane = lane;
        this.body = body;
        this.createdAt = createdAt;
        this.holdUntil = holdUntil;
    }

    /** Records an attempt's outcome (an HTTP status, or null and why there was none); returns its number. */
    synchronized int attempted(Integer status, String error) {
        lastStatus = status;
        lastError = error;
        return ++attempts;
    }

    synchronized void finish(boolean success) {
        if (success) {
            delivered = true;
        } else {
            abandoned = true;
        }
    }

    synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", eventId);
        json.put("type", type);
        json.put("paymentId", paymentId);
        json.put("attempts", attempts);
        json.put("lastStatus", lastStatus);
        json.put("lastError", lastError);
        json.put("delivered", delivered);
        json.put("abandoned", abandoned);
        json.put("createdAt", createdAt.toString());
        json.put("deliveryId", deliveryId);
        return json;
    }

    Map<String, Object> toJournal() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("op", "webhook");
        line.put("delivery", deliveryId);
        line.put("id", eventId);
        line.put("type", type);
        line.put("paymentId", paymentId);
        line.put("lane", lane);
        line.put("createdAt", createdAt.toString());
        line.put("holdUntil", holdUntil);
        line.put("body", body);
        return line;
    }

    static Delivery fromJournal(Map<String, Object> line) {
        return new Delivery((String) line.get("delivery"), (String) line.get("id"), (String) line.get("type"),
                (String) line.get("paymentId"), (String) line.get("lane"), (String) line.get("body"),
                Instant.parse((String) line.get("createdAt")), (Long) line.get("holdUntil"));
    }
}
