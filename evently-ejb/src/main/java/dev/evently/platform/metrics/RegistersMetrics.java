package dev.evently.platform.metrics;

/**
 * An application-scoped bean whose {@code @PostConstruct} registers figures on /metrics. Such beans are made as the
 * application deploys ({@link AtDeployment}) rather than when first used, so that every series is on /metrics, at
 * 0, before what it counts first happens: a rate or an alert over it exists from the start.
 */
public interface RegistersMetrics {
}
