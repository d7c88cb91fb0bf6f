package dev.evently.paymentsimulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** One incoming request as a route sees it: path groups, headers, query and a size-limited body. */
final class Request {

    static final int MAX_BODY = 64 * 1024;
    /** A too-large body is read and thrown away up to this much, so the client gets its 413 cleanly. */
    private static final long MAX_DRAIN = 16L * 1024 * 1024;

    private final HttpExchange exchange;
    private final Matcher path;
    private byte[] body;

    Request(HttpExchange exchange, Matcher path) {
        this.exchange = exchange;
        this.path = path;
    }

    String path(int group) {
        return path.group(group);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String query(String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params.get(name);
    }

    byte[] body() throws ApiError {
        if (body == null) {
            body = readBody();
        }
        return body;
    }

    /** The body as a JSON object; an empty body reads as {@code {}} when {@code optional}. */
    JsonBody json(boolean optional) throws ApiError {
        String text = new String(body(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            if (optional) {
                return new JsonBody(new LinkedHashMap<>());
            }
            throw new ApiError(400, "invalid_json", "a JSON object body is required");
        }
        try {
            return new JsonBody(Json.parseObject(text));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_json", "the body is not a JSON object: " + e.getMessage());
        }
    }

    private byte[] readBody() throws ApiError {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    drain(in, buffer);
                    throw new ApiError(413, "body_too_large", "request bodies are limited to " + MAX_BODY + " bytes");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiError(400, "unreadable_body", "could not read the request body: " + e.getMessage());
        }
    }

    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long left = MAX_DRAIN;
        int n;
        while (left > 0 && (n = in.read(buffer)) > 0) {
            left -= n;
        }
    }
}
