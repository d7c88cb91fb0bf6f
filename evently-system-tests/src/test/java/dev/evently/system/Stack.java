package dev.evently.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The running stack as a client sees it: plain HTTP against the base URL, plus the evently script. */
final class Stack {

    static final String BASE_URL = System.getProperty("evently.base-url", "http://127.0.0.1:8080");
    /** A second server instance on the same database, Redis and broker; ./evently test always starts one. */
    static final String SECOND_BASE_URL = System.getProperty("evently.second-base-url", "");
    /** The application server: payara or wildfly (EVENTLY_SERVER). */
    static final String SERVER = System.getProperty("evently.server", "payara");
    /** The server's MicroProfile Health: on the API's port on Payara, on the management port on WildFly. */
    static final String HEALTH_URL = System.getProperty("evently.health-url", BASE_URL + "/health");
    /** How long the server holds seats for a pending booking (./evently test shortens it). */
    static final Duration HOLD_TIME = Duration.parse(System.getProperty("evently.booking.hold-time", "PT10M"));
    static final Path HOME = Path.of(System.getProperty("evently.home", "..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * HTTP/1.1, as API clients speak to it: the JDK client's default h2c upgrade hung on a second large body once
     * the server had answered the first without upgrading.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Stack() {
    }

    static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET());
    }

    /**
     * Sends the request as a client somewhere on the internet: ./evently test trusts 127.0.0.1 as a proxy, so an
     * X-Forwarded-For names the client the server's per-address limits count. A test that sets none gets an address
     * of its own for the request; a test about those limits sets one ({@link #from}).
     */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(fromSomewhere(request.timeout(Duration.ofSeconds(20)).build()),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the stack did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request as it is, when it names its client address; else as sent from an address of its own. */
    static HttpRequest fromSomewhere(HttpRequest request) {
        return request.headers().firstValue("X-Forwarded-For").isPresent() ? request
                : from(HttpRequest.newBuilder(request, (name, value) -> true), randomAddress()).build();
    }

    /** The request as sent from the client address given, through the trusted proxy. */
    static HttpRequest.Builder from(HttpRequest.Builder request, String address) {
        return request.setHeader("X-Forwarded-For", address);
    }

    /** An address in 10.0.0.0/8, a different one for (almost) every call. */
    static String randomAddress() {
        int bits = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24);
        return "10." + (bits >>> 16) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** Polls GET path until the response matches, with a deadline; returns the matching response. */
    static HttpResponse<String> pollGet(String path, Duration timeout, Predicate<HttpResponse<String>> done)
            throws InterruptedException {
        return await("GET " + path, timeout, () -> get(path), done, last -> last.statusCode() + " " + last.body());
    }

    /** Something observed, possibly with checked exceptions (SQL, JMS). */
    interface Probe<T> {
        T get() throws Exception;
    }

    /**
     * Asks {@code probe} every 250 ms until {@code done} holds for its answer, and returns that answer; fails
     * with {@code what} and the last answer when {@code timeout} passes first. The tests' one way to wait.
     */
    static <T> T await(String what, Duration timeout, Probe<T> probe, Predicate<T> done) throws InterruptedException {
        return await(what, timeout, probe, done, String::valueOf);
    }

    static <T> T await(String what, Duration timeout, Probe<T> probe, Predicate<T> done,
                       java.util.function.Function<T, String> describe) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (true) {
            try {
                last = probe.get();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(what + ": " + e, e);
            }
            if (done.test(last)) {
                return last;
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s; last: "
                        + (last == null ? "none" : describe.apply(last)));
            }
            Thread.sleep(250);
        }
    }

    /** Runs ./evently with the arguments and fails unless it exits 0. */
    static String evently(String... args) throws IOException, InterruptedException {
        return evently(java.util.Map.of(), args);
    }

    /** Runs ./evently with these environment variables added (EVENTLY_DOMAIN=..., say). */
    static String evently(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = HOME.resolve("evently").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
