package dev.evently.platform.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The counters of one metric that differ in one tag, registered together: every series is on /metrics from the
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
    public static CounterFamily register(MetricRegistry registry, String name, String description, String tag,
                                         List<String> values, Tag... fixed) {
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
        Map<String, Counter> counters = new LinkedHashMap<>();
        for (String value : values) {
            Tag[] tags = Arrays.copyOf(fixed, fixed.length + 1);
            tags[fixed.length] = new Tag(tag, value);
            counters.put(value, registry.counter(metadata, tags));
        }
        return new CounterFamily(Map.copyOf(counters));
    }

    public void inc(String value) {
        Counter counter = counters.get(value);
        if (counter == null) {
            throw new IllegalArgumentException(value + " is none of " + counters.keySet());
        }
        counter.inc();
    }
}
