package dev.evently.catalog.api;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import dev.evently.catalog.boundary.CachedJson;

/** Answers with ready JSON and its ETag, or 304 when the client already has exactly that body. */
final class CachedResponses {

    private CachedResponses() {
    }

    static Response of(CachedJson cached, Request request) {
        EntityTag tag = new EntityTag(cached.etag().substring(1, cached.etag().length() - 1));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).build();
        }
        return Response.ok(cached.body(), MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(revalidate).build();
    }
}
