package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * The cached catalogue reads in gzip for a client that takes it, as browsers do: the same JSON in a fraction of
 * the bytes, under an ETag of its own that answers 304 as the plain one does; a client that does not ask, or
 * refuses gzip, gets the JSON as it is. Both ways of answering: the servlet's fast path, and JAX-RS (which answers
 * whenever there is a query string).
 */
class CompressedReadsIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSeatMapIsSentInGzipToAClientThatTakesItWithItsOwnETag() throws Exception {
        String admin = Auth.adminToken();
        long id = Catalog.publish(admin, Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Compressed"),
                "Big Room", Catalog.START, List.of(Catalog.section("Floor", 4, 50, 3000)))).path("id").asLong())
                .path("id").asLong();
        for (String path : new String[] {"/api/events/" + id + "/seats", "/api/events/" + id + "/seats?by=jaxrs"}) {
            HttpResponse<byte[]> plain = get(path, null, null);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(plain.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
            assertThat(Stack.JSON.readTree(plain.body()).path("seats")).as(path).hasSize(200);
            String plainTag = plain.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> zipped = get(path, "gzip, deflate, br", null);
            assertThat(zipped.statusCode()).as(path).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
            assertThat(gunzip(zipped.body())).as(path + ": the same JSON").isEqualTo(plain.body());
            assertThat(zipped.body().length).as(path).isLessThan(plain.body().length / 5);
            String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
            assertThat(zippedTag).as(path).isNotEqualTo(plainTag);

            HttpResponse<byte[]> unchanged = get(path, "gzip", zippedTag);
            assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
            assertThat(unchanged.headers().firstValue("ETag")).as(path).hasValue(zippedTag);
            assertThat(unchanged.body()).as(path).isEmpty();
            HttpResponse<byte[]> unchangedPlain = get(path, null, zippedTag);
            assertThat(unchangedPlain.statusCode()).as(path + ": the client has the body either way").isEqualTo(304);
            assertThat(unchangedPlain.headers().firstValue("ETag")).as(path).hasValue(plainTag);

            HttpResponse<byte[]> refused = get(path, "gzip;q=0, identity", null);
            assertThat(refused.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(refused.body()).as(path).isEqualTo(plain.body());
        }
    }

    @Test
    void aSmallBodyIsSentAsItIs() throws Exception {
        long id = Catalog.smallPublished(Auth.adminToken(), Catalog.uniqueName("Tiny"), 1);
        HttpResponse<byte[]> details = get("/api/events/" + id, "gzip", null);
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(Stack.JSON.readTree(details.body()).path("id").asLong()).isEqualTo(id);
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return CLIENT.send(Stack.fromSomewhere(request.build()), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
