package dev.evently.platform.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A reading too costly for every scrape (a count over the outbox table, a browse of the broker's queues), taken
 * again at most once per {@code maxAge}: Prometheus, a second instance and an operator's curl together cannot turn
 * /metrics into load on the database or the broker. A reading that failed stays absent for as long (its gauges
 * show NaN), so a broker that is away is not asked again by every scrape.
 */
public final class Sampled<T> {

    private static final Logger LOG = Logger.getLogger(Sampled.class.getName());

    private final String what;
    private final long maxAgeNanos;
    private final Supplier<T> reading;
    private final LongSupplier nanoClock;
    private T value;
    private long takenAt;
    private boolean taken;

    public Sampled(String what, Duration maxAge, Supplier<T> reading) {
        this(what, maxAge, reading, System::nanoTime);
    }

    Sampled(String what, Duration maxAge, Supplier<T> reading, LongSupplier nanoClock) {
        this.what = what;
        this.maxAgeNanos = maxAge.toNanos();
        this.reading = reading;
        this.nanoClock = nanoClock;
    }

    /** The last reading, taken now if it is older than the maximum age; empty while the reading fails. */
    public synchronized Optional<T> get() {
        long now = nanoClock.getAsLong();
        if (!taken || now - takenAt >= maxAgeNanos) {
            boolean failedBefore = taken && value == null;
            try {
                value = reading.get();
            } catch (RuntimeException e) {
                if (!failedBefore) {
                    LOG.warning(() -> what + " not readable, shown as NaN until it is: " + e);
                }
                value = null;
            }
            takenAt = now;
            taken = true;
        }
        return Optional.ofNullable(value);
    }
}
