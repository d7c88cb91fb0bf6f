package dev.evently.catalog.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachedResponsesTest {

    @Test
    void gzipIsSentWhenAcceptEncodingNamesItWithoutRefusingIt() {
        assertThat(CachedResponses.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(CachedResponses.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(CachedResponses.acceptsGzip("x-gzip")).isTrue();
        assertThat(CachedResponses.acceptsGzip("deflate, gzip ; q=0.001")).isTrue();

        assertThat(CachedResponses.acceptsGzip(null)).isFalse();
        assertThat(CachedResponses.acceptsGzip("")).isFalse();
        assertThat(CachedResponses.acceptsGzip("identity")).isFalse();
        assertThat(CachedResponses.acceptsGzip("br, deflate")).isFalse();
        assertThat(CachedResponses.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(CachedResponses.acceptsGzip("gzip; q=0.000, identity")).isFalse();
        assertThat(CachedResponses.acceptsGzip("gzip;q=lots")).isFalse();
        assertThat(CachedResponses.acceptsGzip("gzipped")).isFalse();
        assertThat(CachedResponses.acceptsGzip("gzip, " + "x".repeat(2000))).as("too long to read").isFalse();
    }
}
