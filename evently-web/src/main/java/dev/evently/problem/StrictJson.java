package dev.evently.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for the whole API: a body with a field the endpoint does not know is refused rather than
 * silently ignored, so a misspelt field never passes for an omitted one.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withNullValues(false));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
