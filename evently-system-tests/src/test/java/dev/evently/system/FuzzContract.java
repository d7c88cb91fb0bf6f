package dev.evently.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations the served OpenAPI document describes, as a client generator reads them: method, path, the
 * parameters with their schemas, the body's schema (references resolved) and the statuses each documents.
 */
final class FuzzContract {

    static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    record Param(String name, String in, JsonNode schema) {
    }

    /**
     * @param path      the path as requests spell it, under /api (a JAX-RS template's regex left out)
     * @param methods   every method the path has, to send one it has not
     * @param body      the body's schema, or null for none
     */
    record Operation(String method, String path, List<Param> params, JsonNode body, Set<Integer> documented,
                     boolean secured, Set<String> methods) {

        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    private FuzzContract() {
    }

    static List<Operation> read(JsonNode api) {
        JsonNode components = api.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String spelt = path.getKey().replaceAll("\\{(\\w+):[^}]*}+", "{$1}");
            Set<String> methods = new TreeSet<>();
            METHODS.stream().filter(m -> path.getValue().has(m)).forEach(methods::add);
            for (String method : methods) {
                JsonNode operation = path.getValue().path(method);
                List<Param> params = new ArrayList<>();
                operation.path("parameters").forEach(p -> params.add(
                        new Param(p.path("name").asText(), p.path("in").asText(), resolve(p.path("schema"), components, 0))));
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode json = content.path("application/json").path("schema");
                JsonNode body = content.isMissingNode() ? null
                        : json.isMissingNode() ? Stack.JSON.createObjectNode() : resolve(json, components, 0);
                Set<Integer> documented = new TreeSet<>();
                operation.path("responses").fieldNames().forEachRemaining(status -> documented.add(Integer.parseInt(status)));
                boolean secured = operation.path("security").size() > 0;
                operations.add(new Operation(method, "/api" + spelt, params, body, documented, secured, methods));
            }
        }
        return operations;
    }

    /** The schema with every $ref replaced by what it names (depth-limited: the API has no recursive types). */
    private static JsonNode resolve(JsonNode schema, JsonNode components, int depth) {
        if (depth > 8 || schema == null || schema.isMissingNode()) {
            return schema;
        }
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            return resolve(components.path(name), components, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = copy.putObject("properties");
            schema.path("properties").fields().forEachRemaining(p ->
                    properties.set(p.getKey(), resolve(p.getValue(), components, depth + 1)));
        }
        if (schema.has("items")) {
            copy.set("items", resolve(schema.path("items"), components, depth + 1));
        }
        return copy;
    }
}
