package dev.evently.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values for a schema, from one seeded random source: a valid value (what a careful client sends, with the
 * fixtures' ids and secrets where a field names one), and that value mutated in one place the way a hostile or
 * broken client would: a field missing, added, of the wrong type, at or past a bound, huge, unicode, null.
 */
final class FuzzValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> STRANGE = List.of("", " ", "\u0000", "\u202e\u0645\u0631\u062d\u0628\u0627",
            "😀🎟️", "e\u0301\u0301\u0301", "\ud83d", "null", "<script>alert(1)</script>", "' or 1=1 --",
            "../../etc/passwd", "%00", "\t\n\r", "ß".repeat(100), "\uFEFF", "9".repeat(400));
    private static final List<Double> NUMBERS = List.of(0.0, -1.0, 1.5, -0.0, 1e308, -1e308, 9.3e18,
            (double) Long.MAX_VALUE, (double) Long.MIN_VALUE, (double) Integer.MAX_VALUE + 1, 1e-9);

    private final Random random;
    /** Valid values of fields that must name something real (an event, seats, a ticket code), by field name. */
    private final Map<String, Function<Random, JsonNode>> known;

    FuzzValues(Random random, Map<String, Function<Random, JsonNode>> known) {
        this.random = random;
        this.known = known;
    }

    Random random() {
        return random;
    }

    JsonNode valid(String field, JsonNode schema) {
        if (field != null && known.containsKey(field)) {
            return known.get(field).apply(random);
        }
        if (schema == null || schema.isMissingNode()) {
            return NODES.textNode("fuzz");
        }
        if (schema.has("enum")) {
            JsonNode options = schema.path("enum");
            return options.get(random.nextInt(options.size()));
        }
        String type = schema.path("type").asText("");
        if (field != null && (field.endsWith("Time") || field.equals("from") || field.equals("to"))) {
            return NODES.textNode(Instant.now().plus(20 + random.nextInt(10), ChronoUnit.DAYS)
                    .plus(field.startsWith("end") || field.equals("to") ? 3 : 0, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS).toString());
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), valid(p.getKey(), p.getValue())));
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int count = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < count; i++) {
                    array.add(valid(null, schema.path("items")));
                }
                return array;
            }
            case "number":
            case "integer": {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
                long max = schema.has("maximum") ? schema.path("maximum").asLong() : min + 5;
                return NODES.numberNode(min + (long) random.nextInt((int) Math.min(5, Math.max(1, max - min + 1))));
            }
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                int max = schema.path("maxLength").asInt(40);
                String text = "fuzz " + Long.toString(random.nextLong() & 0xffffffL, 36);
                return NODES.textNode(text.substring(0, Math.max(1, Math.min(text.length(), max))));
        }
    }

    /** A value of another JSON type than the schema's. */
    JsonNode wrongType(JsonNode schema) {
        String type = schema == null ? "" : schema.path("type").asText("");
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("not a " + type), NODES.numberNode(7),
                NODES.booleanNode(true), NODES.objectNode().put("nested", 1), NODES.arrayNode().add(1).add("two"),
                NODES.numberNode(2.5)));
        others.removeIf(node -> matches(node, type));
        return others.get(random.nextInt(others.size()));
    }

    private static boolean matches(JsonNode node, String type) {
        return switch (type) {
            case "string" -> node.isTextual();
            case "number" -> node.isNumber();
            case "integer" -> node.isIntegralNumber();
            case "boolean" -> node.isBoolean();
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            default -> false;
        };
    }

    /** A number at, just past or far past the schema's bounds. */
    JsonNode boundary(JsonNode schema) {
        List<JsonNode> candidates = new ArrayList<>();
        if (schema != null && schema.has("minimum")) {
            long min = schema.path("minimum").asLong();
            candidates.add(NODES.numberNode(min));
            candidates.add(NODES.numberNode(min - 1));
        }
        if (schema != null && schema.has("maximum")) {
            long max = schema.path("maximum").asLong();
            candidates.add(NODES.numberNode(max));
            candidates.add(NODES.numberNode(max + 1));
        }
        NUMBERS.forEach(n -> candidates.add(NODES.numberNode(n)));
        candidates.add(NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
        candidates.add(NODES.numberNode(Long.MAX_VALUE));
        candidates.add(NODES.numberNode(Long.MIN_VALUE));
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** A string past any bound: a few KB, or past the body limit. */
    JsonNode huge() {
        int length = random.nextBoolean() ? 5_000 + random.nextInt(5_000) : 70_000;
        return NODES.textNode(String.valueOf((char) ('a' + random.nextInt(26))).repeat(length));
    }

    JsonNode hugeArray(JsonNode itemSchema) {
        ArrayNode array = NODES.arrayNode();
        int count = random.nextBoolean() ? 11 + random.nextInt(100) : 20_000;
        JsonNode item = valid(null, itemSchema);
        for (int i = 0; i < count; i++) {
            array.add(item);
        }
        return array;
    }

    JsonNode strange() {
        return NODES.textNode(STRANGE.get(random.nextInt(STRANGE.size())));
    }

    /** The names of every field in the value, as paths ("layout.sections[0].rows"), objects first. */
    static List<String> fields(JsonNode value, String prefix) {
        List<String> fields = new ArrayList<>();
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                fields.add(path);
                fields.addAll(fields(field.getValue(), path));
            }
        } else if (value.isArray() && value.size() > 0) {
            fields.addAll(fields(value.get(0), prefix + "[0]"));
        }
        return fields;
    }
}
