package dev.evently.paymentsimulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The faults and automation a test can switch on. Decisions (auto-decide outcomes, refund failures) and
 * webhook faults (duplicates, delays) draw from two separate {@link Random}s seeded from {@code seed}: with
 * webhooks on, their draws happen when events fire, at times no test controls, and must not shift the
 * sequence of outcomes that makes a run reproducible.
 */
final class Behaviour {

    record Settings(long seed, Long autoDecideMs, double failRate, double duplicateRate, double delayRate,
                    long maxDelayMs, double refundFailRate, long refundDelayMs) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("seed", seed);
            json.put("autoDecideMs", autoDecideMs);
            json.put("failRate", failRate);
            json.put("duplicateRate", duplicateRate);
            json.put("delayRate", delayRate);
            json.put("maxDelayMs", maxDelayMs);
            json.put("refundFailRate", refundFailRate);
            json.put("refundDelayMs", refundDelayMs);
            return json;
        }
    }

    static final Settings DEFAULTS = new Settings(0, null, 0.0, 0.0, 0.0, 3000, 0.0, 200);
    private static final long MAX_MS = 24L * 60 * 60 * 1000;
    /** Decorrelates the fault stream from the decision stream of the same seed. */
    private static final long FAULT_SALT = 0x5DEECE66DL;

    private Settings settings;
    private Random decisions;
    private Random faults;

    Behaviour() {
        reset();
    }

    synchronized Settings current() {
        return settings;
    }

    synchronized void reset() {
        settings = DEFAULTS;
        reseed(DEFAULTS.seed());
    }

    /** Applies the fields present in {@code body} (all validated first, so a bad one changes nothing). */
    synchronized Settings update(JsonBody body) throws ApiError {
        Settings s = settings;
        Long seed = body.optionalLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Long autoDecideMs = body.has("autoDecideMs") ? body.optionalLong("autoDecideMs", 0, MAX_MS) : s.autoDecideMs();
        Settings next = new Settings(
                seed != null ? seed : s.seed(),
                autoDecideMs,
                orElse(body.optionalRate("failRate"), s.failRate()),
                orElse(body.optionalRate("duplicateRate"), s.duplicateRate()),
                orElse(body.optionalRate("delayRate"), s.delayRate()),
                orElse(body.optionalLong("maxDelayMs", 0, MAX_MS), s.maxDelayMs()),
                orElse(body.optionalRate("refundFailRate"), s.refundFailRate()),
                orElse(body.optionalLong("refundDelayMs", 0, MAX_MS), s.refundDelayMs()));
        settings = next;
        if (seed != null) {
            // setting a seed, even the same one again, restarts its sequence: that is what makes runs repeatable
            reseed(seed);
        }
        return next;
    }

    /** Whether an automatically decided payment fails. */
    synchronized boolean drawPaymentFailure() {
        return settings.failRate() > 0 && decisions.nextDouble() < settings.failRate();
    }

    synchronized boolean drawRefundFailure() {
        return settings.refundFailRate() > 0 && decisions.nextDouble() < settings.refundFailRate();
    }

    /** How many extra copies of a webhook to send. */
    synchronized int drawDuplicates() {
        return settings.duplicateRate() > 0 && faults.nextDouble() < settings.duplicateRate() ? 1 : 0;
    }

    /** How long to hold a webhook back before its first attempt. */
    synchronized long drawDelayMs() {
        if (settings.delayRate() > 0 && faults.nextDouble() < settings.delayRate()) {
            return settings.maxDelayMs() == 0 ? 0 : (long) (faults.nextDouble() * (settings.maxDelayMs() + 1));
        }
        return 0;
    }

    private void reseed(long seed) {
        decisions = new Random(seed);
        faults = new Random(seed ^ FAULT_SALT);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
