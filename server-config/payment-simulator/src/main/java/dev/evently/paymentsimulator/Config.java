package dev.evently.paymentsimulator;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line, with environment variables as fallbacks (arguments win).
 *
 * @param publicUrl  the base of checkout URLs as a browser reaches them; null: {@code http://host:port}
 * @param webhookUrl null: no webhooks are sent
 * @param stateFile  null: state is kept in memory only
 */
record Config(String host, int port, String publicUrl, URI webhookUrl, String webhookSecret, String apiKey,
              Path stateFile, int maxPayments) {

    static final String USAGE = """
            usage: java -jar evently-payment-simulator.jar [options]
              --host HOST            address to bind (PAYSIM_HOST, default 127.0.0.1)
              --port PORT            port to listen on, 0 for any free one (PAYSIM_PORT, default 8026)
              --public-url URL       base of checkout URLs (PAYSIM_PUBLIC_URL, default http://HOST:PORT)
              --webhook-url URL      where webhooks are POSTed; empty for none (PAYSIM_WEBHOOK_URL)
              --webhook-secret S     HMAC key for Evently-Signature; needed with a webhook URL (PAYSIM_WEBHOOK_SECRET)
              --api-key K            Bearer token for /v1/** (PAYSIM_API_KEY, required)
              --state-file PATH      append-only journal to survive restarts (PAYSIM_STATE_FILE)
              --max-payments N       payments kept in memory (PAYSIM_MAX_PAYMENTS, default 500000)
            """;

    /** Option name to environment variable; the order is the usage order. */
    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        for (String name : new String[] {"host", "port", "public-url", "webhook-url", "webhook-secret", "api-key",
            "state-file", "max-payments"}) {
            OPTIONS.put(name, "PAYSIM_" + name.toUpperCase().replace('-', '_'));
        }
    }

    /** Reads the configuration; a missing or malformed value is an {@link IllegalArgumentException}. */
    static Config parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        OPTIONS.forEach((name, variable) -> {
            if (env.get(variable) != null) {
                values.put(name, env.get(variable));
            }
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (eq >= 0) {
                values.put(name, arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }

        String host = orDefault(values.get("host"), "127.0.0.1");
        int port = integer(values, "port", 8026, 0, 65535);
        String publicUrl = blankToNull(values.get("public-url"));
        if (publicUrl != null) {
            publicUrl = httpUri("public-url", publicUrl).toString().replaceAll("/+$", "");
        }
        String webhook = blankToNull(values.get("webhook-url"));
        URI webhookUrl = webhook == null ? null : httpUri("webhook-url", webhook);
        String webhookSecret = orDefault(values.get("webhook-secret"), "");
        if (webhookUrl != null && webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("--webhook-secret is required with a webhook URL");
        }
        String apiKey = orDefault(values.get("api-key"), "");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("--api-key is required");
        }
        String stateFile = blankToNull(values.get("state-file"));
        int maxPayments = integer(values, "max-payments", 500_000, 1, Integer.MAX_VALUE);
        return new Config(host, port, publicUrl, webhookUrl, webhookSecret, apiKey,
                stateFile == null ? null : Path.of(stateFile), maxPayments);
    }

    private static int integer(Map<String, String> values, String name, int fallback, int min, int max) {
        String raw = blankToNull(values.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be an integer from " + min + " to " + max);
    }

    private static URI httpUri(String name, String value) {
        try {
            URI uri = URI.create(value.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be an http(s) URL, not '" + value + "'");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
