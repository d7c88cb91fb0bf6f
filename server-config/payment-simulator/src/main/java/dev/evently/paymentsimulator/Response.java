package dev.evently.paymentsimulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers; written out by the {@link Router}. */
record Response(int status, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    static Response json(int status, Object value) {
        return new Response(status, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    static Response html(int status, String page) {
        return new Response(status, HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    static Response error(int status, String slug, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", slug);
        body.put("message", message);
        return json(status, body);
    }
}
