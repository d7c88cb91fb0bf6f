package dev.evently.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** A client following an event's seat changes as Server-Sent Events, its events read into a queue as they come. */
final class SeatStream implements AutoCloseable {

    /** One server-sent event; {@code data} parsed as JSON. */
    record Event(String id, String name, JsonNode data) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final String errorBody;

    private SeatStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() != 200) {
            try (Stream<String> lines = response.body()) {
                errorBody = String.join("\n", lines.toList());
            }
            return;
        }
        errorBody = null;
        Thread reader = new Thread(this::read, "seat-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens the stream at the instance given.
     *
     * @param since       the since parameter, or null
     * @param lastEventId the Last-Event-ID header, or null
     */
    static SeatStream open(String baseUrl, long eventId, String since, String lastEventId, String address) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/events/" + eventId
                        + "/seats/changes" + (since == null ? "" : "?since=" + since)))
                .header("Accept", "text/event-stream")
                .header("X-Forwarded-For", address)
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SeatStream(CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(20, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("the seat stream did not answer: " + e, e);
        }
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The body of an answer that was not a stream (a problem). */
    String errorBody() {
        return errorBody;
    }

    /** The next event matching, with a deadline; the ones before it are dropped. */
    Event await(String what, Duration timeout, Predicate<Event> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            Event event = left > 0 ? events.poll(left, TimeUnit.MILLISECONDS) : null;
            if (event == null) {
                throw new AssertionError("no seat event " + what + " within " + timeout.toSeconds() + " s");
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** The next seats event that shows every one of the seats with the status given (as this client now sees). */
    Event awaitStatus(Duration timeout, java.util.Map<Long, String> seats, String status) throws InterruptedException {
        return await("showing " + seats.keySet() + " " + status, timeout, event -> {
            if (!"message".equals(event.name())) {
                return false;
            }
            statuses(event.data()).forEach(seats::put);
            return seats.values().stream().allMatch(status::equals);
        });
    }

    /** A seats event's data ({"HELD":"1017+1",…}) as seat id → status. */
    static java.util.Map<Long, String> statuses(JsonNode seats) {
        java.util.Map<Long, String> statuses = new java.util.HashMap<>();
        seats.fields().forEachRemaining(group ->
                SeatRuns.ids(group.getValue().asText()).forEach(id -> statuses.put(id, group.getKey())));
        return statuses;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name == null ? "message" : name, Stack.JSON.readTree(data.toString())));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        if (errorBody == null) {
            response.body().close();
        }
    }
}
