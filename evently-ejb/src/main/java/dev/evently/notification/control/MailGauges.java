package dev.evently.notification.control;

import java.time.Duration;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.evently.platform.metrics.MessagingGauges;
import dev.evently.platform.metrics.RegistersMetrics;
import dev.evently.platform.metrics.Sampled;

/**
 * The mail queue on /metrics: mails waiting to be sent and the age of the oldest. A mail server that is away shows
 * here, not as dead letters: the events are consumed and their mails wait. Read at most once per sample interval;
 * the database is shared, so every instance reports the same figures.
 */
@ApplicationScoped
public class MailGauges implements RegistersMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    MailQueue queue;

    @Inject
    @ConfigProperty(name = "evently.metrics.sample-interval", defaultValue = "PT5S")
    Duration sampleInterval;

    @PostConstruct
    void register() {
        Sampled<MailQueue.Backlog> backlog = new Sampled<>("the mail queue", sampleInterval, queue::backlog);
        gauge("evently_mails_pending", "Mails owed and not yet sent (waiting for the mail server or a retry)",
                backlog, b -> (double) b.pending());
        gauge("evently_mails_oldest_pending_age_seconds", "Age of the oldest mail not yet sent (0 when none waits)",
                backlog, b -> MessagingGauges.ageSeconds(b.oldestSince()));
    }

    private void gauge(String name, String description, Sampled<MailQueue.Backlog> backlog,
                       Function<MailQueue.Backlog, Double> figure) {
        Gauge.builder(name, () -> backlog.get().map(figure).orElse(Double.NaN)).description(description)
                .register(registry);
    }
}
