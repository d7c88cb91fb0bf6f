package dev.evently.system;

import java.io.IOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The API's contract as the application serves it ({@code /api/openapi.yaml}, the same on every server), read as a
 * JSON tree with its timestamps left as written. Apart from {@link Stack}, whose users (the bench among them) need
 * no YAML reader.
 */
final class Contract {

    private Contract() {
    }

    static JsonNode served() {
        HttpResponse<String> response = Stack.get("/api/openapi.yaml");
        if (response.statusCode() != 200) {
            throw new AssertionError("/api/openapi.yaml answered " + response.statusCode());
        }
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not YAML: " + response.body(), e);
        }
    }
}
