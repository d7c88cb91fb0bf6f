package dev.evently.paymentsimulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What happens when a payment or refund is decided, whoever decides it (the buyer on the checkout page,
 * a test, the auto-decide timer, refund settlement): the ledger changes and a webhook event goes out.
 */
final class Decisions {

    /** Webhook faults asked for explicitly; a null field is drawn from the {@link Behaviour} instead. */
    record Faults(Integer duplicates, Long delayMs) {
        static final Faults DRAWN = new Faults(null, null);
    }

    private final Ledger ledger;
    private final Behaviour behaviour;
    private final Webhooks webhooks;
    private final ScheduledExecutorService timer;
    private final Consumer<String> log;

    Decisions(Ledger ledger, Behaviour behaviour, Webhooks webhooks, ScheduledExecutorService timer,
              Consumer<String> log) {
        this.ledger = ledger;
        this.behaviour = behaviour;
        this.webhooks = webhooks;
        this.timer = timer;
        this.log = log;
    }

    Ledger.Change<Payment> createPayment(long amountCents, String currency, String reference, String description,
                                         String idempotencyKey) throws ApiError {
        Ledger.Change<Payment> created = ledger.createPayment(amountCents, currency, reference, description, idempotencyKey);
        Long autoDecideMs = behaviour.current().autoDecideMs();
        if (created.applied() && autoDecideMs != null) {
            // drawn now, in creation order, so a fixed seed gives the same split however the timers interleave
            Status outcome = behaviour.drawPaymentFailure() ? Status.FAILED : Status.SUCCEEDED;
            String id = created.value().id();
            later(() -> decide(id, outcome, Faults.DRAWN), autoDecideMs);
        }
        return created;
    }

    /** Decides a pending payment and reports it; null if unknown, not applied if already decided. */
    synchronized Ledger.Change<Payment> decide(String paymentId, Status status, Faults faults) {
        // synchronized with settle: a payment's event is handed to its webhook lane before any refund's can be
        Ledger.Change<Payment> decided = ledger.decide(paymentId, status);
        if (decided != null && decided.applied()) {
            Payment payment = decided.value();
            publish(event(status == Status.SUCCEEDED ? "payment.succeeded" : "payment.failed", payment.reference(),
                    payment.id(), payment.amountCents(), payment.currency()), faults);
        }
        return decided;
    }

    Ledger.Change<Refund> createRefund(String paymentId, long amountCents, String currency, String reference,
                                       String idempotencyKey) throws ApiError {
        Ledger.Change<Refund> created = ledger.createRefund(paymentId, amountCents, currency, reference, idempotencyKey);
        if (created.applied()) {
            scheduleSettlement(created.value());
        }
        return created;
    }

    /** After a restart: refunds still pending are settled like new ones. */
    void resumePendingRefunds() {
        ledger.pendingRefunds().forEach(this::scheduleSettlement);
    }

    /** Delivers a test's own event body through the real delivery path; returns the event's id. */
    Object publishCustom(Map<String, Object> body) {
        Map<String, Object> event = body;
        if (!body.containsKey("id") || body.get("id") == null) {
            event = new LinkedHashMap<>();
            event.put("id", Ids.next("evt_"));
            body.forEach(event::putIfAbsent);
        }
        publish(event, Faults.DRAWN);
        return event.get("id");
    }

    private void scheduleSettlement(Refund refund) {
        Status outcome = behaviour.drawRefundFailure() ? Status.FAILED : Status.SUCCEEDED;
        later(() -> settle(refund.id(), outcome), behaviour.current().refundDelayMs());
    }

    private synchronized void settle(String refundId, Status status) {
        Ledger.Change<Refund> settled = ledger.settle(refundId, status);
        if (settled == null || !settled.applied()) {
            return;
        }
        Refund refund = settled.value();
        Payment payment = ledger.payment(refund.paymentId());
        if (payment == null) {
            log.accept("refund " + refundId + ": its payment was forgotten, no webhook");
            return;
        }
        publish(event(status == Status.SUCCEEDED ? "refund.succeeded" : "refund.failed", payment.reference(),
                refund.id(), refund.amountCents(), refund.currency()), Faults.DRAWN);
    }

    private void publish(Map<String, Object> event, Faults faults) {
        if (!webhooks.enabled()) {
            return;
        }
        int duplicates = faults.duplicates() != null ? faults.duplicates() : behaviour.drawDuplicates();
        long delayMs = faults.delayMs() != null ? faults.delayMs() : behaviour.drawDelayMs();
        webhooks.publish(event, duplicates, delayMs);
    }

    private static Map<String, Object> event(String type, String merchantPaymentId, String providerReference,
                                             long amountCents, String currency) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", Ids.next("evt_"));
        event.put("type", type);
        event.put("paymentId", merchantPaymentId);
        event.put("providerReference", providerReference);
        event.put("amountCents", amountCents);
        event.put("currency", currency);
        return event;
    }

    private void later(Runnable task, long delayMs) {
        try {
            timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: a pending payment simply stays pending
        }
    }
}
