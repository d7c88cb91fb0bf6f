package dev.evently.api.problem;

import java.lang.reflect.Type;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for the whole API: a body with a field the endpoint does not know is refused rather than
 * silently ignored, so a misspelt field never passes for an omitted one; and a text field takes only a
 * JSON string, where JSON-B alone would turn {@code 123} or {@code true} into text, and never one with the character
 * U+0000, which no text column can keep.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    /** Part of the message ProblemMappers shows for such a field. */
    static final String NOT_A_STRING = "must be a JSON string";
    static final String NUL = "must not contain the character U+0000";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new Strings())
            .withNullValues(false));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonString text) {
                if (text.getString().indexOf('\u0000') >= 0) {
                    throw new JsonbException(NUL);
                }
                return text.getString();
            }
            throw new JsonbException(NOT_A_STRING);
        }
    }
}
