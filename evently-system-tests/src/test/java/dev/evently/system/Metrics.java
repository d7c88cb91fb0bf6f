package dev.evently.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /api/metrics as Prometheus reads it: {@code name{label="value",...} value} lines, comments skipped. Counters are per
 * instance, so a count is the sum over every instance the tests run ({@link #total}); a gauge of a part the
 * instances share (the outbox, the broker) is read from one ({@link #on}).
 */
final class Metrics {

    /** Long enough for a commit, a sampled gauge (5 s) and a relay or sweep tick (1 s, 5 s), with room. */
    static final Duration MOVES = Duration.ofSeconds(45);

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line: a series and its value. */
    record Sample(String name, Map<String, String> labels, double value) {

        /** Whether it is a series of {@code name} carrying every one of the labels given as name, value, ... */
        boolean is(String wanted, String... labelPairs) {
            if (!name.equals(wanted)) {
                return false;
            }
            for (int i = 0; i < labelPairs.length; i += 2) {
                if (!labelPairs[i + 1].equals(labels.get(labelPairs[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    private Metrics() {
    }

    /** Every instance the tests run against: the first, and the second when ./evently test started one. */
    static List<String> instances() {
        return Stack.SECOND_BASE_URL.isEmpty() ? List.of(Stack.BASE_URL) : List.of(Stack.BASE_URL, Stack.SECOND_BASE_URL);
    }

    static List<Sample> scrape(String baseUrl) {
        HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/metrics")).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError(baseUrl + "/api/metrics answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int open = line.indexOf('{');
            int close = line.lastIndexOf('}');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            String value;
            if (open >= 0 && close > open) {
                name = line.substring(0, open);
                Matcher label = LABEL.matcher(line.substring(open + 1, close));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
                value = line.substring(close + 1).trim();
            } else {
                int space = line.lastIndexOf(' ');
                name = line.substring(0, space);
                value = line.substring(space + 1).trim();
            }
            samples.add(new Sample(name.trim(), labels, Double.parseDouble(value.split(" ")[0])));
        }
        return samples;
    }

    /** The sum of the matching series over every instance; NaN when no instance has one. */
    static double total(String name, String... labelPairs) {
        double total = 0;
        boolean found = false;
        for (String instance : instances()) {
            double value = on(instance, name, labelPairs);
            if (!Double.isNaN(value)) {
                total += value;
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    /**
     * The value of the matching series on one instance (their sum when the labels given match several); NaN when
     * none matches. Payara writes some server figures twice in a scrape: the first of equal series counts.
     */
    static double on(String instance, String name, String... labelPairs) {
        Map<Map<String, String>, Double> matching = new LinkedHashMap<>();
        for (Sample sample : scrape(instance)) {
            if (sample.is(name, labelPairs)) {
                matching.putIfAbsent(sample.labels(), sample.value());
            }
        }
        return matching.isEmpty() ? Double.NaN : matching.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Waits until the count over every instance is at least {@code atLeast}; returns it. */
    static double awaitTotal(double atLeast, String name, String... labelPairs) throws InterruptedException {
        return Stack.await(name + " " + String.join(",", labelPairs) + " at least " + atLeast, MOVES,
                () -> total(name, labelPairs), value -> value >= atLeast);
    }
}
