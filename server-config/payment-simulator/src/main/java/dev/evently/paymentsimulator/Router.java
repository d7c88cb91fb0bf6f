package dev.evently.paymentsimulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches requests by method and path pattern, and guards everything under {@code /v1/} with the
 * merchant's API key, so that no route can forget to.
 */
final class Router implements HttpHandler {

    interface Action {
        Response handle(Request request) throws ApiError;
    }

    private record Route(String method, Pattern path, Action action) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final byte[] expectedAuthorization;
    private final Consumer<String> log;

    Router(String apiKey, Consumer<String> log) {
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.log = log;
    }

    Router add(String method, String pathRegex, Action action) {
        routes.add(new Route(method, Pattern.compile(pathRegex), action));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = dispatch(exchange);
        } catch (ApiError e) {
            response = e.response();
        } catch (RuntimeException e) {
            log.accept("error: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ": " + e);
            response = Response.error(500, "internal_error", "the simulator failed: " + e.getMessage());
        }
        write(exchange, response);
    }

    private Response dispatch(HttpExchange exchange) throws ApiError {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/v1/") && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw new ApiError(401, "unauthorized", "send 'Authorization: Bearer <api key>'");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher matcher = route.path.matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            if (route.method.equals(method)) {
                return route.action.handle(new Request(exchange, matcher));
            }
            allowed.add(route.method);
        }
        if (!allowed.isEmpty()) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            throw new ApiError(405, "method_not_allowed", method + " is not allowed here; use " + allowed);
        }
        throw new ApiError(404, "not_found", "no such endpoint: " + path);
    }

    private boolean authorized(String header) {
        // constant time, so the key cannot be guessed byte by byte from response times
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (response.contentType().equals(Response.HTML)) {
                exchange.getResponseHeaders().set("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
