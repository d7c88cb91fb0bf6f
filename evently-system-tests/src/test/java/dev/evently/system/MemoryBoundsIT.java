package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

/**
 * Nothing a stranger sends grows the server's memory or Redis: bodies are bounded before anything parses them,
 * ids that name nothing and one-off list queries leave nothing behind. Measured as an operator would: the heap
 * after a full collection (jcmd) and Redis's key count (DBSIZE), before and after a flood.
 */
class MemoryBoundsIT {

    private static final long MIB = 1024 * 1024;

    @Test
    void tenMegabyteBodiesGet413AndTheHeapDoesNotGrow() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        body[0] = '"';
        long before = Server.heapAfterGc();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            ProblemsIT.assertProblem(refused, 413, "https://evently.dev/problems/request-too-large");
        }
        // a body without a length stops being read at the bound too
        HttpResponse<String> streamed = Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        ProblemsIT.assertProblem(streamed, 413, "https://evently.dev/problems/request-too-large");
        long after = Server.heapAfterGc();

        System.out.printf("heap after GC: %d MiB before, %d MiB after 210 MB of refused bodies%n", before / MIB, after / MIB);
        assertThat(after - before).as("heap growth in bytes").isLessThan(16 * MIB);
    }

    @Test
    void twentyThousandUnknownEventsAndListQueriesLeaveRedisAndTheHeapAsTheyWere() throws Exception {
        // one request first, so that whatever the catalogue keeps for good (the list's generation) exists already
        Stack.get("/api/events?q=" + UUID.randomUUID());
        long keysBefore;
        try (RedisProbe redis = new RedisProbe()) {
            keysBefore = redis.dbSize();
        }
        long heapBefore = Server.heapAfterGc();
        long base = 1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

        int unknown = flood(20_000, i -> i % 2 == 0 ? "/api/events/" + (base + i) : "/api/events/" + (base + i) + "/seats", 404);
        int lists = flood(20_000, i -> "/api/events?q=" + UUID.randomUUID() + "&page=" + (i % 3), 200);

        long heapAfter = Server.heapAfterGc();
        // list answers live in Redis for a second (evently.cache.list-availability-lag): the count settles to where it was
        long keysAfter = Stack.await("Redis keys back near " + keysBefore, Duration.ofSeconds(30),
                () -> {
                    try (RedisProbe redis = new RedisProbe()) {
                        return redis.dbSize();
                    }
                }, keys -> keys <= keysBefore + 100);
        System.out.printf("%d unknown ids, %d list queries: Redis keys %d before, %d after; heap after GC %d MiB before, "
                + "%d MiB after%n", unknown, lists, keysBefore, keysAfter, heapBefore / MIB, heapAfter / MIB);
        assertThat(heapAfter - heapBefore).as("heap growth in bytes").isLessThan(32 * MIB);
    }

    /** Sends the paths from 8 clients at once; each answer must have the status; returns how many were sent. */
    private static int flood(int count, IntFunction<String> path, int status) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<String>>> done = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            done.add(clients.submit(() -> {
                List<String> wrong = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    HttpResponse<String> response = Stack.get(path.apply(i));
                    if (response.statusCode() != status && wrong.size() < 5) {
                        wrong.add(path.apply(i) + " → " + response.statusCode() + " " + response.body());
                    }
                }
                return wrong;
            }));
        }
        List<String> wrong = new ArrayList<>();
        for (Future<List<String>> client : done) {
            wrong.addAll(client.get());
        }
        clients.shutdown();
        assertThat(wrong).as("answers other than " + status).isEmpty();
        return count;
    }
}
