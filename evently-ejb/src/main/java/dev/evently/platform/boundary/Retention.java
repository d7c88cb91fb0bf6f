package dev.evently.platform.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.platform.control.RetainedRows;

/**
 * Purges what is no longer needed once it is older than the retention ({@code evently.retention}, EVENTLY_RETENTION,
 * 7 days by default): published outbox messages, the inbox's record of processed messages, the Idempotency-Keys of
 * old bookings, expired refresh tokens and revocations, server instances long gone and old messaging probes — each
 * {@link RetainedRows} of its owner. Every sale adds to most of these tables; without this they grow for ever.
 * <p>
 * Every 10 s on every instance, in batches of {@code evently.retention.batch} rows, each batch a short transaction of
 * its own ({@link PurgeBatches}) that locks only the old rows it purges and skips any another transaction holds: no
 * sale waits for it, and instances purge side by side. A backlog (the first ticks on a database that never purged)
 * drains over several ticks, at most {@link #MOST_BATCHES} batches of each kind per tick, so that a tick never keeps
 * a timer thread for long; a tick still running when the next is due lets it pass.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    static final int MOST_BATCHES = 50;

    @Inject
    Instance<RetainedRows> retained;

    @EJB
    PurgeBatches batches;

    /** A redelivery, a client's retry or a provider's repeated report must come within it to be recognised. */
    @Inject
    @ConfigProperty(name = "evently.retention", defaultValue = "P7D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "evently.retention.batch", defaultValue = "1000")
    int batch;

    Clock clock = Clock.systemUTC();

    private final AtomicBoolean running = new AtomicBoolean();

    /** A mistyped setting fails the deployment rather than purging everything at once, or nothing ever. */
    @PostConstruct
    void check() {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("evently.retention must be a positive duration, not " + retention);
        }
        if (batch < 1) {
            throw new IllegalStateException("evently.retention.batch must be at least 1, not " + batch);
        }
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "retention")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purge() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant cutoff = clock.instant().minus(retention);
            Map<String, Integer> purged = purgeAll(retained, cutoff);
            if (!purged.isEmpty()) {
                LOG.info(() -> summary(purged, cutoff));
            }
        } finally {
            running.set(false);
        }
    }

    /** What was purged of each kind (those with nothing purged left out). */
    Map<String, Integer> purgeAll(Iterable<RetainedRows> all, Instant cutoff) {
        Map<String, Integer> purged = new LinkedHashMap<>();
        for (RetainedRows rows : all) {
            int count = drain(rows, cutoff);
            if (count > 0) {
                purged.put(rows.what(), count);
            }
        }
        return purged;
    }

    private int drain(RetainedRows rows, Instant cutoff) {
        int total = 0;
        for (int i = 0; i < MOST_BATCHES; i++) {
            int count;
            try {
                count = batches.purge(rows, cutoff, batch);
            } catch (RuntimeException e) {
                // the batch rolled back whole; the other kinds go on, and the next tick takes it again
                LOG.warning(() -> rows.what() + ": a purge batch rolled back, retried at the next tick: " + e);
                break;
            }
            total += count;
            if (count < batch) {
                break;
            }
        }
        return total;
    }

    static String summary(Map<String, Integer> purged, Instant cutoff) {
        return purged.entrySet().stream()
                .map(kind -> kind.getValue() + " " + kind.getKey())
                .collect(Collectors.joining(", ", "retention: purged ", " (older than " + cutoff + ")"));
    }
}
