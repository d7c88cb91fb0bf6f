package dev.evently.platform.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The counters of one metric that differ in one tag, registered together: every series is on /api/metrics from the
 * start, at 0, so that a rate over it exists before its first occurrence, and a tag value nobody registered fails
 * where it is counted instead of starting a series no dashboard shows.
 */
public final class CounterFamily {

    private final Map<String, Counter> counters;

    private CounterFamily(Map<String, Counter> counters) {
        this.counters = counters;
    }

    /**
     * @param name  the name as Prometheus shows it, {@code _total} included
     * @param fixed tags every counter of the family carries besides {@code tag}
     */
    public static CounterFamily register(MeterRegistry registry, String name, String description, String tag,
                                         List<String> values, Tags fixed) {
        Map<String, Counter> counters = new LinkedHashMap<>();
        for (String value : values) {
            counters.put(value, Counter.builder(name).description(description).tags(fixed).tag(tag, value)
                    .register(registry));
        }
        return new CounterFamily(Map.copyOf(counters));
    }

    public static CounterFamily register(MeterRegistry registry, String name, String description, String tag,
                                         List<String> values) {
        return register(registry, name, description, tag, values, Tags.empty());
    }

    public void inc(String value) {
        Counter counter = counters.get(value);
        if (counter == null) {
            throw new IllegalArgumentException(value + " is none of " + counters.keySet());
        }
        counter.increment();
    }
}
