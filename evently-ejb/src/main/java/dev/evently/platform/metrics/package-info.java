/**
 * What operators watch an on-sale night by, on {@code /metrics} (application scope, Prometheus text; the README's
 * "Metrics" lists every name): counts of what sold and what did not, taken from the announcements and from the
 * one place each other outcome is decided, and gauges of the backlogs and parts a sale depends on, sampled so that
 * scraping never becomes load. Components count their own internals (the catalogue cache its reads, the Redis
 * connection its failures, the web module its request times) with the registry and the helpers here.
 */
package dev.evently.platform.metrics;
