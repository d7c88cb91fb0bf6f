package dev.evently.platform.openapi;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Mends what Payara's scanner writes wrong in every schema, so each says what the API really sends and accepts:
 * <ul>
 * <li>keywords at their "nothing" value ({@code exclusiveMaximum: false}, {@code maxProperties: 0}, which would
 * refuse every body, {@code minLength: 0}, {@code nullable: false} and the like) are left out, and keywords of
 * another type (a {@code minLength} on a number, {@code properties} on a string) are dropped;</li>
 * <li>Java's {@code long} and {@code int}, written as {@code number}, become {@code integer} ({@code int64} unless
 * said otherwise); a {@code List<Long>} or {@code List<String>}, written as an array of arrays, becomes an array of
 * int64 or of strings, as its example shows;</li>
 * <li>an {@code Instant}, written as an object without properties, becomes a {@code date-time} string (the fields
 * that hold one are named {@code ...At} or {@code ...Time});</li>
 * <li>examples written as strings get their schema's type ({@code "42"} becomes 42, {@code "[1, 2]"} a list);</li>
 * <li>an inline object with exactly the properties of a named schema becomes a reference to it.</li>
 * </ul>
 */
final class SchemaRepairs {

    private final Map<Set<String>, String> named = new HashMap<>();

    /** The named schemas an inline copy is recognised by (the property names of each, when no other has them). */
    SchemaRepairs(Map<String, Schema> components) {
        Set<Set<String>> ambiguous = new HashSet<>();
        components.forEach((name, schema) -> {
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                Set<String> keys = new TreeSet<>(schema.getProperties().keySet());
                if (named.putIfAbsent(keys, name) != null) {
                    ambiguous.add(keys);
                }
            }
        });
        ambiguous.forEach(named::remove);
    }

    /** Mends a named schema in place (it stays what it is, never a reference to itself). */
    void mendNamed(Schema schema) {
        mend(schema, null);
    }

    /** Mends a schema where it is used; answers what should stand there (a reference to a named one, maybe). */
    Schema mendUsed(Schema schema, String name) {
        if (schema == null) {
            return null;
        }
        mend(schema, name);
        if (schema.getRef() == null && schema.getType() == SchemaType.OBJECT && schema.getProperties() != null) {
            String same = named.get(new TreeSet<>(schema.getProperties().keySet()));
            if (same != null) {
                return OASFactory.createSchema().ref(same);
            }
        }
        return schema;
    }

    private void mend(Schema schema, String name) {
        if (schema.getRef() != null) {
            return;
        }
        clearNothingValues(schema);
        retype(schema, name);
        typeExample(schema);
        typeItems(schema);
        dropForeignKeywords(schema);
        if (schema.getProperties() != null) {
            new ArrayList<>(schema.getProperties().entrySet()).forEach(property ->
                    schema.addProperty(property.getKey(), mendUsed(property.getValue(), property.getKey())));
        }
        schema.setItems(mendUsed(schema.getItems(), null));
        schema.setAdditionalPropertiesSchema(mendUsed(schema.getAdditionalPropertiesSchema(), null));
        eachOf(schema.getAllOf(), schema::setAllOf);
        eachOf(schema.getAnyOf(), schema::setAnyOf);
        eachOf(schema.getOneOf(), schema::setOneOf);
    }

    private void eachOf(List<Schema> schemas, Consumer<List<Schema>> set) {
        if (schemas != null) {
            set.accept(new ArrayList<>(schemas.stream().map(each -> mendUsed(each, null)).toList()));
        }
    }

    private static void clearNothingValues(Schema schema) {
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinItems()) && schema.getType() != SchemaType.ARRAY) {
            schema.setMinItems(null);
        }
    }

    private static void retype(Schema schema, String name) {
        SchemaType type = schema.getType();
        if (type == SchemaType.NUMBER && (schema.getFormat() == null || schema.getFormat().startsWith("int"))) {
            schema.setType(SchemaType.INTEGER);
            schema.setFormat(schema.getFormat() == null ? "int64" : schema.getFormat());
        } else if (type == SchemaType.OBJECT && name != null && (name.endsWith("At") || name.endsWith("Time"))
                && (schema.getProperties() == null || schema.getProperties().isEmpty())) {
            schema.setType(SchemaType.STRING);
            schema.setFormat("date-time");
        }
    }

    private static void typeItems(Schema schema) {
        if (schema.getType() == SchemaType.ARRAY && schema.getItems() != null
                && schema.getItems().getType() == SchemaType.ARRAY && schema.getItems().getItems() == null) {
            // a List<Long> or a List<String>, the scanner cannot tell: the example can
            boolean text = schema.getExample() instanceof List<?> example && !example.isEmpty()
                    && example.get(0) instanceof String;
            schema.setItems(text ? OASFactory.createSchema().type(SchemaType.STRING)
                    : OASFactory.createSchema().type(SchemaType.INTEGER).format("int64"));
        }
    }

    private static void dropForeignKeywords(Schema schema) {
        SchemaType type = schema.getType();
        if (type == null) {
            return;
        }
        if (type != SchemaType.STRING) {
            schema.setMinLength(null);
            schema.setMaxLength(null);
            schema.setPattern(null);
        }
        if (type != SchemaType.OBJECT) {
            schema.setProperties(null);
            schema.setRequired(null);
            schema.setMinProperties(null);
            schema.setMaxProperties(null);
        }
        if (type != SchemaType.ARRAY) {
            schema.setMinItems(null);
            schema.setMaxItems(null);
            schema.setUniqueItems(null);
        }
        if (type != SchemaType.INTEGER && type != SchemaType.NUMBER) {
            schema.setMinimum(null);
            schema.setMaximum(null);
            schema.setExclusiveMinimum(null);
            schema.setExclusiveMaximum(null);
        }
    }

    /** An example of the schema's type from one written as text; null when it does not fit the type. */
    static Object typed(Object example, SchemaType type) {
        if (!(example instanceof String text) || type == null) {
            return example;
        }
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(text.trim());
                case NUMBER -> new BigDecimal(text.trim());
                case BOOLEAN -> Boolean.parseBoolean(text.trim());
                case ARRAY, OBJECT -> text.isBlank() || "[{".indexOf(text.strip().charAt(0)) < 0 ? null
                        : plain(Json.createReader(new StringReader(text)).readValue());
                default -> text;
            };
        } catch (RuntimeException notOfThatType) {
            return null; // an example that does not fit its schema misleads more than none
        }
    }

    private static void typeExample(Schema schema) {
        schema.setExample(typed(schema.getExample(), schema.getType()));
    }

    /** A JSON value as plain Java: lists, maps, strings, longs or decimals, booleans. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> value.asJsonArray().stream().map(SchemaRepairs::plain).toList();
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, each) -> map.put(key, plain(each)));
                yield map;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
