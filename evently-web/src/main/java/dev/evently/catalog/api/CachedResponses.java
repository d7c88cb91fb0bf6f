package dev.evently.catalog.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.evently.catalog.boundary.CachedJson;

/**
 * How a cached catalogue read is answered, by JAX-RS ({@link EventsResource}) and by the servlet fast path
 * ({@link CachedCatalogReads}) alike: its ETag, revalidation on every use, and 304 when the client's
 * If-None-Match already names the body ({@link CachedJson#matches}).
 */
final class CachedResponses {

    /** Clients and proxies may keep the body, but must ask again (with the ETag) before each use. */
    static final String CACHE_CONTROL = "no-cache, no-transform";

    private CachedResponses() {
    }

    static Response of(CachedJson cached, String ifNoneMatch) {
        Response.ResponseBuilder answer = cached.matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(cached.body(), MediaType.APPLICATION_JSON_TYPE);
        return answer.header("ETag", cached.etag()).header("Cache-Control", CACHE_CONTROL).build();
    }

    static void write(CachedJson cached, String ifNoneMatch, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", cached.etag());
        if (cached.matches(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(cached.body().length);
        response.getOutputStream().write(cached.body());
    }
}
