package dev.evently.catalog.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class CachedJsonTest {

    private static final String SEATS = "{\"seats\":[" + "{\"id\":1017,\"status\":\"AVAILABLE\"},".repeat(200)
            + "{\"id\":1018,\"status\":\"HELD\"}]}";

    @Test
    void theGzipFormIsTheSameJsonMadeOnceUnderAnETagOfItsOwn() throws IOException {
        CachedJson json = CachedJson.of(SEATS);
        assertThat(json.compressible()).isTrue();
        byte[] gzipped = json.gzipped();
        assertThat(gunzip(gzipped)).isEqualTo(json.body());
        assertThat(gzipped.length).isLessThan(json.body().length / 10);
        assertThat(json.gzipped()).as("made once").isSameAs(gzipped);
        assertThat(json.gzipEtag()).isNotEqualTo(json.etag()).startsWith("\"").endsWith("-gzip\"");
        assertThat(CachedJson.fromStored(json.stored()).gzipEtag()).isEqualTo(json.gzipEtag());
    }

    @Test
    void readersThatComeAtOnceShareOneGzipForm() throws Exception {
        CachedJson json = CachedJson.of(SEATS.repeat(50));
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> answers = IntStream.range(0, 8).mapToObj(i -> readers.submit(() -> {
                start.await();
                return json.gzipped();
            })).toList();
            start.countDown();
            for (Future<byte[]> answer : answers) {
                assertThat(answer.get()).as("the one copy every reader was sent").isSameAs(json.gzipped());
            }
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void eitherETagInAnyFormMeansTheClientHasTheBody() {
        CachedJson json = CachedJson.of(SEATS);
        assertThat(json.matches(json.etag())).isTrue();
        assertThat(json.matches(json.gzipEtag())).isTrue();
        assertThat(json.matches("\"other\", W/" + json.gzipEtag())).isTrue();
        assertThat(json.matches("*")).isTrue();
        assertThat(json.matches("\"other\"")).isFalse();
        assertThat(json.matches(null)).isFalse();
        assertThat(CachedJson.of("{}").matches(json.etag())).isFalse();
    }

    @Test
    void aSmallBodyIsNotWorthCompressing() {
        assertThat(CachedJson.of("{\"items\":[]}").compressible()).isFalse();
        assertThat(CachedJson.of("x".repeat(CachedJson.COMPRESS_FROM)).compressible()).isTrue();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
