package dev.evently.catalog.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.evently.platform.metrics.CounterFamily;
import dev.evently.platform.metrics.RegistersMetrics;

/**
 * Where the catalogue's reads were answered from, by entry (list, details, seats), for its hit ratio on /api/metrics:
 * (memory + redis + shared) over all. In a sale every booking makes its event's details and seat map anew, so
 * their ratio falls while the list's stays high.
 */
@ApplicationScoped
public class CacheReads implements RegistersMetrics {

    /** Where a read was answered from. */
    enum Source {
        /** This instance's memory ({@link NearEntries}), Redis not asked or only asked for the generation. */
        MEMORY,
        /** Redis's copy. */
        REDIS,
        /** Another request's load of the same entry, waited for. */
        SHARED,
        /** PostgreSQL: nobody had it (a miss). */
        DATABASE,
        /** PostgreSQL, Redis left alone: it failed a moment ago (its pause) or just now. */
        BYPASS;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    MeterRegistry registry;

    private Map<String, CounterFamily> byEntry;

    @PostConstruct
    void register() {
        byEntry = Map.of("list", family("list"), "details", family("details"), "seats", family("seats"));
    }

    private CounterFamily family(String entry) {
        return CounterFamily.register(registry, "evently_catalog_cache_reads_total",
                "Catalogue reads by entry and where they were answered from: memory, redis, shared (another"
                        + " request's load), database (a miss), bypass (Redis paused or failing)",
                "source", Arrays.stream(Source.values()).map(Source::tag).toList(), Tags.of("entry", entry));
    }

    /** @param slot the cache's slot, whose prefix names the entry: {@code list:}, {@code details:}, {@code seats:} */
    void count(String slot, Source source) {
        byEntry.get(slot.substring(0, slot.indexOf(':'))).inc(source.tag());
    }
}
