package dev.evently.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.evently.catalog.boundary.CachedJson;
import dev.evently.catalog.control.NearEntries.Near;

class NearEntriesTest {

    private final NearEntries near = new NearEntries(Duration.ofMillis(100));

    private static Near entry(String name, String body) {
        return new Near(name, CachedJson.of(body), 0, 0, 0);
    }

    @Test
    void manyDistinctSmallEntriesStopAtTheEntryLimit() {
        for (int i = 0; i < 3 * NearEntries.LIMIT_ENTRIES; i++) {
            near.remember("list:" + i, entry("k" + i, "[]"));
        }

        assertThat(near.size()).isBetween(1, NearEntries.LIMIT_ENTRIES);
    }

    @Test
    void replacingASlotReturnsTheKeyItWasLoadedUnder() {
        near.remember("details:1", entry("gen1", "{}"));

        assertThat(near.remember("details:1", entry("gen2", "{\"a\":1}"))).isEqualTo("gen1");
        assertThat(near.remember("details:1", entry("gen2", "{\"a\":1}"))).isNull();
    }

    @Test
    void aDroppedSlotIsGoneAndNamesItsKey() {
        near.remember("seats:1", entry("gen1", "[1]"));

        assertThat(near.drop("seats:1")).isEqualTo("gen1");
        assertThat(near.drop("seats:1")).isNull();
        assertThat(near.size()).isZero();
    }
}
