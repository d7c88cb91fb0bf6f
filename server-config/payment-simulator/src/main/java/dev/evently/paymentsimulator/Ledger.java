package dev.evently.paymentsimulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Payments and refunds, kept in memory. Every change is a journal line that is applied through the same
 * {@link #apply} that replays the state file on start, so what is replayed is exactly what happened.
 * One lock for everything: each operation is a few map updates, far from a bottleneck at the rates a
 * simulator sees.
 */
final class Ledger {

    /** A result, and whether this call changed anything (false: an idempotent repeat, or already decided). */
    record Change<T>(T value, boolean applied) {
    }

    private final int maxPayments;
    private final Journal journal;
    private final Consumer<String> log;

    private final LinkedHashMap<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, Refund> refunds = new HashMap<>();
    private final Map<String, List<String>> refundsByPayment = new HashMap<>();
    private final Map<String, String> paymentKeys = new HashMap<>();
    private final Map<String, String> refundKeys = new HashMap<>();
    /** Decided payments, oldest first: the ones forgotten when the ledger is full. */
    private final ArrayDeque<String> decided = new ArrayDeque<>();

    Ledger(int maxPayments, Journal journal, Consumer<String> log) {
        this.maxPayments = maxPayments;
        this.journal = journal;
        this.log = log;
    }

    synchronized Change<Payment> createPayment(long amountCents, String currency, String reference,
                                               String description, String idempotencyKey) throws ApiError {
        if (idempotencyKey != null && paymentKeys.containsKey(idempotencyKey)) {
            return new Change<>(payments.get(paymentKeys.get(idempotencyKey)), false);
        }
        if (payments.size() >= maxPayments && decided.isEmpty()) {
            throw new ApiError(503, "capacity_exhausted",
                    "the simulator holds " + maxPayments + " undecided payments; decide some first");
        }
        Payment payment = new Payment(Ids.next("pay_"), amountCents, currency, reference, description,
                Status.PENDING, Instant.now(), idempotencyKey);
        record(payment.toJournal());
        log.accept("payment " + payment.id() + " PENDING " + Money.format(amountCents, currency)
                + " reference " + reference);
        return new Change<>(payment, true);
    }

    /** Decides a pending payment; null if unknown. */
    synchronized Change<Payment> decide(String paymentId, Status status) {
        Payment payment = payments.get(paymentId);
        if (payment == null || payment.status().decided()) {
            return payment == null ? null : new Change<>(payment, false);
        }
        record(Journal.line("op", "decide", "id", paymentId, "status", status.name()));
        log.accept("payment " + paymentId + " " + status);
        return new Change<>(payments.get(paymentId), true);
    }

    synchronized Change<Refund> createRefund(String paymentId, long amountCents, String currency, String reference,
                                             String idempotencyKey) throws ApiError {
        if (idempotencyKey != null && refundKeys.containsKey(idempotencyKey)) {
            return new Change<>(refunds.get(refundKeys.get(idempotencyKey)), false);
        }
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            throw new ApiError(404, "payment_not_found", "no payment " + paymentId);
        }
        if (payment.status() != Status.SUCCEEDED) {
            throw new ApiError(409, "payment_not_succeeded",
                    "only a succeeded payment can be refunded; " + paymentId + " is " + payment.status());
        }
        if (!payment.currency().equals(currency)) {
            throw new ApiError(422, "currency_mismatch",
                    "the payment is in " + payment.currency() + ", the refund in " + currency);
        }
        long refundable = refundable(payment);
        if (amountCents > refundable) {
            throw new ApiError(422, "amount_exceeds_refundable",
                    "at most " + Money.format(refundable, currency) + " of " + paymentId + " can still be refunded");
        }
        Refund refund = new Refund(Ids.next("re_"), paymentId, amountCents, currency, reference, Status.PENDING,
                Instant.now(), idempotencyKey);
        record(refund.toJournal());
        log.accept("refund " + refund.id() + " PENDING " + Money.format(amountCents, currency) + " of " + paymentId);
        return new Change<>(refund, true);
    }

    /** Settles a pending refund; null if unknown (for instance forgotten with its payment). */
    synchronized Change<Refund> settle(String refundId, Status status) {
        Refund refund = refunds.get(refundId);
        if (refund == null || refund.status().decided()) {
            return refund == null ? null : new Change<>(refund, false);
        }
        record(Journal.line("op", "settle", "id", refundId, "status", status.name()));
        log.accept("refund " + refundId + " " + status);
        return new Change<>(refunds.get(refundId), true);
    }

    synchronized Payment payment(String id) {
        return payments.get(id);
    }

    synchronized Refund refund(String id) {
        return refunds.get(id);
    }

    synchronized List<Refund> refundsOf(String paymentId) {
        return refundsByPayment.getOrDefault(paymentId, List.of()).stream().map(refunds::get).toList();
    }

    synchronized List<Refund> pendingRefunds() {
        return refunds.values().stream().filter(r -> r.status() == Status.PENDING).toList();
    }

    synchronized Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("payments", count(payments.values().stream().map(Payment::status).toList()));
        counts.put("refunds", count(refunds.values().stream().map(Refund::status).toList()));
        return counts;
    }

    /** The current state as journal lines: each payment, then its refunds. */
    synchronized List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Payment payment : payments.values()) {
            lines.add(payment.toJournal());
            for (String refundId : refundsByPayment.getOrDefault(payment.id(), List.of())) {
                lines.add(refunds.get(refundId).toJournal());
            }
        }
        return lines;
    }

    /** Replays one journal line; lines of other kinds are not the ledger's business. */
    synchronized void apply(Map<String, Object> line) {
        switch (String.valueOf(line.get("op"))) {
            case "payment" -> {
                Payment payment = Payment.fromJournal(line);
                payments.put(payment.id(), payment);
                if (payment.idempotencyKey() != null) {
                    paymentKeys.put(payment.idempotencyKey(), payment.id());
                }
                if (payment.status().decided()) {
                    decided.add(payment.id());
                }
                while (payments.size() > maxPayments && forgetOldestDecided()) {
                    // keeps going until within bounds or nothing decided is left
                }
            }
            case "decide" -> {
                Payment payment = payments.get((String) line.get("id"));
                if (payment != null) {
                    payments.put(payment.id(), payment.withStatus(Status.valueOf((String) line.get("status"))));
                    decided.add(payment.id());
                }
            }
            case "refund" -> {
                Refund refund = Refund.fromJournal(line);
                if (payments.containsKey(refund.paymentId())) {
                    refunds.put(refund.id(), refund);
                    refundsByPayment.computeIfAbsent(refund.paymentId(), k -> new ArrayList<>()).add(refund.id());
                    if (refund.idempotencyKey() != null) {
                        refundKeys.put(refund.idempotencyKey(), refund.id());
                    }
                }
            }
            case "settle" -> {
                Refund refund = refunds.get((String) line.get("id"));
                if (refund != null) {
                    refunds.put(refund.id(), refund.withStatus(Status.valueOf((String) line.get("status"))));
                }
            }
            default -> {
            }
        }
    }

    private void record(Map<String, Object> line) {
        apply(line);
        journal.append(line);
    }

    private long refundable(Payment payment) {
        long refunded = 0;
        for (String refundId : refundsByPayment.getOrDefault(payment.id(), List.of())) {
            Refund refund = refunds.get(refundId);
            // a pending refund may still succeed, so it already counts against what is left
            if (refund.status() != Status.FAILED) {
                refunded += refund.amountCents();
            }
        }
        return payment.amountCents() - refunded;
    }

    private boolean forgetOldestDecided() {
        String id = decided.poll();
        if (id == null) {
            return false;
        }
        Payment payment = payments.remove(id);
        if (payment != null && payment.idempotencyKey() != null) {
            paymentKeys.remove(payment.idempotencyKey());
        }
        for (String refundId : refundsByPayment.getOrDefault(id, List.of())) {
            Refund refund = refunds.remove(refundId);
            if (refund != null && refund.idempotencyKey() != null) {
                refundKeys.remove(refund.idempotencyKey());
            }
        }
        refundsByPayment.remove(id);
        return true;
    }

    private static Map<String, Object> count(List<Status> statuses) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            byStatus.put(status, 0L);
        }
        statuses.forEach(s -> byStatus.merge(s, 1L, Long::sum));
        Map<String, Object> json = new LinkedHashMap<>();
        byStatus.forEach((status, n) -> json.put(status.name(), n));
        return json;
    }
}
