package dev.evently.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Payara adds a root {@code endpoints} (each application's paths) to the contract it serves, a property OpenAPI does
 * not define, so that validators and generators refuse the document; this filter leaves it empty, which Payara then
 * leaves out. Named by Payara's configuration only (server-config/domain/evently.asadmin): WildFly serves the contract
 * as written and never loads it.
 */
public class PayaraEndpoints implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        try {
            api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new LinkedHashMap<>());
        } catch (ReflectiveOperationException notPayara) {
            // another server's model has no such property
        }
    }
}
