package dev.evently.outbox.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the outbox to the broker every second, batch after batch until it is drained. While the broker is
 * down, bookings go on writing the outbox; the relay backs off (see {@code OutboxMessage.recordFailure}) and
 * drains the backlog in order once the broker is back. One instance relays at a time (an advisory lock).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final Duration REPEAT_WARNING = Duration.ofMinutes(1);

    @EJB
    OutboxBatches batches;

    @Inject
    @ConfigProperty(name = "evently.outbox.batch-size", defaultValue = "200")
    int batchSize;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant failingSince;
    private volatile Instant lastWarning = Instant.EPOCH;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "outbox relay")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void relay() {
        if (!running.compareAndSet(false, true)) {
            return;  // the previous tick is still draining
        }
        try {
            int published;
            do {
                published = batches.publishDue(batchSize);
                if (published > 0 && failingSince != null) {
                    recovered(published);
                }
            } while (published == batchSize);
        } catch (Exception e) {
            failed(e);
        } finally {
            running.set(false);
        }
    }

    private void failed(Exception e) {
        String error = rootMessage(e);
        try {
            batches.recordFailure(error);
        } catch (RuntimeException again) {
            LOG.warning(() -> "outbox relay could not record its failure: " + rootMessage(again));
        }
        Instant now = Instant.now();
        if (failingSince == null) {
            failingSince = now;
        }
        if (Duration.between(lastWarning, now).compareTo(REPEAT_WARNING) >= 0) {
            lastWarning = now;
            LOG.warning(() -> "outbox relay cannot publish since " + failingSince
                    + ", events wait in the outbox: " + error);
        }
    }

    private void recovered(int published) {
        Instant since = failingSince;
        failingSince = null;
        lastWarning = Instant.EPOCH;
        LOG.info(() -> "outbox relay publishes again after failing since " + since + " (first batch " + published + ")");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
