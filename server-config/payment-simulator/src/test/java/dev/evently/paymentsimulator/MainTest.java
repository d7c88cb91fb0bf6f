package dev.evently.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: the ready line, health, and a clean stop on SIGTERM. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void startsAnnouncesItselfAndStopsCleanlyOnSigterm() throws Exception {
        Path state = dir.resolve("state.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--webhook-url", "", "--api-key", "k", "--state-file", state.toString());
        builder.environment().put("PAYSIM_API_KEY", "ignored-because-the-argument-wins");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        // read on another thread, so the lines written while stopping are not missed
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process is gone
            }
        });
        reader.start();
        try {
            String ready = lines.poll(20, TimeUnit.SECONDS);
            Matcher matcher = Pattern.compile("payment simulator listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(ready);
            assertThat(matcher.matches()).as(ready).isTrue();

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(matcher.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(matcher.group(1) + "/v1/payments"))
                    .header("Authorization", "Bearer k")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amountCents\":1,\"currency\":\"EUR\",\"reference\":\"x\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            // SIGTERM; unlike Process.destroy() this leaves our end of its stdout open to read the last lines
            process.toHandle().destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Poll.until(Duration.ofSeconds(5), "the stop line", () -> lines.contains("payment simulator stopped"));
            assertThat(lines).anyMatch(line -> line.startsWith("payment pay_") && line.contains("PENDING 0.01 EUR"))
                    .contains("payment simulator stopped");
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readAllLines(state)).singleElement().asString().contains("\"op\":\"payment\"");
    }

    @Test
    void refusesABadCommandLine() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--api-key is required").contains("usage:");
    }
}
