package dev.evently.api.docs;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.evently.api.security.Public;

/**
 * The API's contract, {@code /api/openapi.yaml}: the file as written (META-INF/openapi.yaml), the same bytes on every
 * server. A server's own MicroProfile OpenAPI endpoint is not that: WildFly rewrites a static document (its paths
 * prefixed with the context root, defaults added), so the application serves its contract itself.
 */
@ApplicationScoped
@Public("the API's contract")
@Path("openapi.yaml")
public class ContractDocument {

    static final String FILE = "/META-INF/openapi.yaml";

    @GET
    @Operation(hidden = true)
    public Response contract() {
        InputStream content = ContractDocument.class.getResourceAsStream(FILE);
        if (content == null) {
            throw new NotFoundException();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(content, "application/yaml; charset=UTF-8").cacheControl(cache).build();
    }
}
