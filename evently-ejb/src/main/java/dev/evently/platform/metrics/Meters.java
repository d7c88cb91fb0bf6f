package dev.evently.platform.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The application's one meter registry, and /api/metrics's text. The registry lives in the EAR (Micrometer with its
 * Prometheus registry, in lib/), not in the server: the same names and the same text on every server the EAR runs
 * on, and no server's metrics API to bind. Besides Evently's own figures it carries the JVM's (memory, threads,
 * classes, CPU, uptime). One registry for the whole application, however many modules inject it.
 */
@ApplicationScoped
public class Meters {

    /** How far back a summary's quantiles look: the last few minutes of a sale, not its whole night. */
    public static final Duration QUANTILE_WINDOW = Duration.ofMinutes(5);

    private static final PrometheusMeterRegistry REGISTRY = create();

    private static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Produces
    MeterRegistry registry() {
        return REGISTRY;
    }

    /** Every meter in Prometheus's text format (version 0.0.4). */
    public String scrape() {
        return REGISTRY.scrape();
    }
}
