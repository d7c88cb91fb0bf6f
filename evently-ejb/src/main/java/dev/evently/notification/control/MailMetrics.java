package dev.evently.notification.control;

import java.time.Duration;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.evently.platform.metrics.MessagingGauges;
import dev.evently.platform.metrics.RegistersMetrics;
import dev.evently.platform.metrics.Sampled;

/**
 * Mail on /metrics: the mails waiting to be sent and the age of the oldest, and the events that owed a mail none
 * could be written for. A mail server that is away shows here, not as dead letters: the events are published and
 * their mails wait. The queue is read at most once per sample interval; the database is shared, so every instance
 * reports the same figures. The skipped events are counted by the instance whose relay published them.
 */
@ApplicationScoped
public class MailMetrics implements RegistersMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    MailQueue queue;

    @Inject
    @ConfigProperty(name = "evently.metrics.sample-interval", defaultValue = "PT5S")
    Duration sampleInterval;

    private Counter skipped;

    @PostConstruct
    void register() {
        skipped = Counter.builder("evently_mails_skipped_total")
                .description("Events that owed a mail none could be written for (a payload that does not fit its type,"
                        + " or a person, event or seat that is gone); each is logged")
                .register(registry);
        Sampled<MailQueue.Backlog> backlog = new Sampled<>("the mail queue", sampleInterval, queue::backlog);
        gauge("evently_mails_pending", "Mails owed and not yet sent (waiting for the mail server or a retry)",
                backlog, b -> (double) b.pending());
        gauge("evently_mails_oldest_pending_age_seconds", "Age of the oldest mail not yet sent (0 when none waits)",
                backlog, b -> MessagingGauges.ageSeconds(b.oldestSince()));
    }

    /** An event owed a mail that could not be written: it is logged, and counted here. */
    public void skipped() {
        skipped.increment();
    }

    private void gauge(String name, String description, Sampled<MailQueue.Backlog> backlog,
                       Function<MailQueue.Backlog, Double> figure) {
        Gauge.builder(name, () -> backlog.get().map(figure).orElse(Double.NaN)).description(description)
                .register(registry);
    }
}
