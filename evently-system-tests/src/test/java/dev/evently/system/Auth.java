package dev.evently.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Accounts as a client uses them: register, log in, carry the bearer token. The first admin's
 * credentials come from the environment ./evently test runs in (EVENTLY_ADMIN_EMAIL / _PASSWORD).
 */
final class Auth {

    static final String PASSWORD = "correct horse battery staple";

    private Auth() {
    }

    /** A fresh USER account, logged in; unique per call so tests never share data. */
    static String newUserToken() {
        return login(newUser(), PASSWORD);
    }

    /**
     * A fresh USER account with {@link #PASSWORD}; returns its email. Written straight into the database with a
     * cheap hash ({@link Tokens#withPassword}); {@link #register} signs up through the API.
     */
    static String newUser() {
        return Tokens.withPassword(1).get(0);
    }

    /** A fresh USER account signed up through the API, its password hashed as the server hashes every one. */
    static String signedUp() {
        String email = uniqueEmail();
        HttpResponse<String> registered = register(email, PASSWORD, "Test User");
        if (registered.statusCode() != 201) {
            throw new AssertionError("register failed: " + registered.statusCode() + " " + registered.body());
        }
        return email;
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.org";
    }

    static HttpResponse<String> register(String email, String password, String name) {
        return post("/api/auth/register", null, Map.of("email", email, "password", password, "name", name));
    }

    /** A login attempt, whatever its outcome. */
    static HttpResponse<String> attemptLogin(String email, String password) {
        return post("/api/auth/login", null, Map.of("email", email, "password", password));
    }

    static String adminToken() {
        return login(adminEmail(), adminPassword());
    }

    /** The first admin's email and password, as ./evently test was given them. */
    static String adminEmail() {
        return System.getenv().getOrDefault("EVENTLY_ADMIN_EMAIL", "admin@evently.local");
    }

    static String adminPassword() {
        String password = System.getenv("EVENTLY_ADMIN_PASSWORD");
        if (password == null) {
            throw new IllegalStateException("EVENTLY_ADMIN_PASSWORD is not set: run the tests through ./evently test");
        }
        return password;
    }

    static String login(String email, String password) {
        HttpResponse<String> response = attemptLogin(email, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        return Stack.json(response).path("accessToken").asText();
    }

    static HttpResponse<String> get(String path, String token) {
        return Stack.send(authorized(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path)), token).GET());
    }

    static HttpResponse<String> post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    static HttpResponse<String> put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    static HttpResponse<String> delete(String path, String token) {
        return Stack.send(authorized(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path)), token).DELETE());
    }

    /** body: a String is sent as is (for malformed JSON), anything else as JSON. */
    static HttpResponse<String> send(String method, String path, String token, Object body) {
        String json;
        try {
            json = body instanceof String raw ? raw : Stack.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return Stack.send(authorized(request, token));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
