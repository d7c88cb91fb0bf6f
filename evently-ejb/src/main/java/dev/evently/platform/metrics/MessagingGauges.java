package dev.evently.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.evently.outbox.boundary.OutboxBacklog;
import dev.evently.platform.boundary.ConsumerQueues;
import dev.evently.platform.boundary.DeadLetters;

/**
 * How far messaging is behind, as gauges: the outbox's unpublished events and the age of the oldest (a broker
 * outage shows here first), each consumer queue's waiting messages and the age of its oldest (a consumer that is
 * stuck or too slow), and the dead letters by the queue they left. Each is read at most once per
 * {@code evently.metrics.sample-interval} ({@link Sampled}) and counted up to {@value #MAX_COUNTED} messages a queue;
 * an unreadable figure is NaN. The database and the broker are shared: every instance reports the same figures.
 */
@ApplicationScoped
public class MessagingGauges implements RegistersMetrics {

    /**
     * Browsed messages per queue and reading: a gauge at this value means at least as many. Every browsed message
     * crosses the wire, and a backlog is when the broker can least spare it.
     */
    static final long MAX_COUNTED = 1_000;
    static final String OTHER_QUEUE = "other";

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxBacklog outbox;

    @Inject
    ConsumerQueues consumerQueues;

    @Inject
    DeadLetters deadLetters;

    /** The queues Evently's consumers read (the same setting ConsumerQueues reads). */
    @Inject
    @ConfigProperty(name = ConsumerQueues.QUEUES_SETTING, defaultValue = ConsumerQueues.QUEUES_DEFAULT)
    List<String> queues;

    @Inject
    @ConfigProperty(name = "evently.metrics.sample-interval", defaultValue = "PT5S")
    Duration sampleInterval;

    private Sampled<OutboxBacklog.Backlog> backlog;
    private Sampled<Map<String, ConsumerQueues.Backlog>> lags;
    private Sampled<Map<String, Long>> dead;

    @PostConstruct
    void register() {
        backlog = new Sampled<>("the outbox backlog", sampleInterval, outbox::now);
        lags = new Sampled<>("the consumer queues", sampleInterval, () -> consumerQueues.backlogs(MAX_COUNTED));
        dead = new Sampled<>("the dead-letter queue", sampleInterval, () -> deadLetters.countByQueue(MAX_COUNTED));

        gauge("evently_outbox_pending", "Domain events written but not yet published to the broker",
                () -> figure(backlog.get(), b -> (double) b.pending()), Tags.empty());
        gauge("evently_outbox_oldest_pending_age_seconds",
                "Age of the oldest domain event not yet published (0 when none waits)",
                () -> figure(backlog.get(), b -> ageSeconds(b.oldestPendingSince())), Tags.empty());
        List<String> labels = new ArrayList<>();
        for (String queue : queues) {
            String label = label(queue);
            labels.add(label);
            Tags tag = Tags.of("queue", label);
            gauge("evently_consumer_lag_messages", "Messages waiting in a consumer's queue (counted up to "
                            + MAX_COUNTED + ")",
                    () -> figure(lags.get(), all -> waiting(all.get(queue), b -> (double) b.messages())), tag);
            gauge("evently_consumer_lag_seconds", "Age of the oldest message waiting in a consumer's queue (0 when none)",
                    () -> figure(lags.get(), all -> waiting(all.get(queue), b -> ageSeconds(b.oldestSentAt()))), tag);
        }
        labels.add(OTHER_QUEUE);
        for (String label : labels) {
            gauge("evently_dead_letters", "Messages in the dead-letter queue by the queue they left after the"
                            + " broker's retries (other: any queue not Evently's)",
                    () -> figure(dead.get(), byQueue -> (double) deadLettersOf(byQueue, label, labels)),
                    Tags.of("queue", label));
        }
    }

    /** {@code address::queue} → {@code queue}: the name operators know the queue by. */
    static String label(String queue) {
        int separator = queue.indexOf("::");
        return separator < 0 ? queue : queue.substring(separator + 2);
    }

    static long deadLettersOf(Map<String, Long> byQueue, String label, List<String> labels) {
        if (!label.equals(OTHER_QUEUE)) {
            return byQueue.getOrDefault(label, 0L);
        }
        return byQueue.entrySet().stream().filter(e -> !labels.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private void gauge(String name, String description, Supplier<Number> value, Tags tags) {
        Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }

    private static <T> Double figure(Optional<T> sample, Function<T, Double> figure) {
        return sample.map(figure).orElse(Double.NaN);
    }

    /** A queue the last reading could not browse shows NaN; one it browsed empty, 0. */
    private static Double waiting(ConsumerQueues.Backlog backlog, Function<ConsumerQueues.Backlog, Double> figure) {
        return backlog == null ? Double.NaN : figure.apply(backlog);
    }

    /** Seconds since the instant, to the millisecond; 0 for none (nothing waiting is no age). */
    public static double ageSeconds(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }
}
