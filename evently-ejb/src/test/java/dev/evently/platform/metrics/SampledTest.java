package dev.evently.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SampledTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger readings = new AtomicInteger();

    @Test
    void scrapesWithinTheMaximumAgeShareOneReading() {
        Sampled<Integer> sampled = new Sampled<>("count", Duration.ofSeconds(5), readings::incrementAndGet, now::get);

        assertThat(sampled.get()).contains(1);
        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(sampled.get()).contains(1);
        now.addAndGet(1);
        assertThat(sampled.get()).contains(2);
        assertThat(readings).hasValue(2);
    }

    @Test
    void aFailedReadingIsAbsentForAsLongAndNotRetriedMeanwhile() {
        Sampled<Integer> sampled = new Sampled<>("broker", Duration.ofSeconds(5), () -> {
            if (readings.incrementAndGet() == 1) {
                throw new IllegalStateException("broker away");
            }
            return 7;
        }, now::get);

        assertThat(sampled.get()).isEmpty();
        assertThat(sampled.get()).isEmpty();
        assertThat(readings).hasValue(1);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(sampled.get()).contains(7);
    }
}
