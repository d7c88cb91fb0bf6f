package dev.evently.catalog.boundary;

import java.util.Base64;

import dev.evently.platform.Hashes;

/**
 * A response body serialised once and kept with its strong ETag, so a cached seat map is sent as bytes
 * without rebuilding JSON, and a client that has it gets 304.
 */
public record CachedJson(String etag, String json) {

    private static final char SEPARATOR = '\n';

    public static CachedJson of(String json) {
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(json)).substring(0, 27);
        return new CachedJson("\"" + tag + "\"", json);
    }

    /** One string in Redis: the ETag, a newline, the body. */
    public String stored() {
        return etag + SEPARATOR + json;
    }

    public static CachedJson fromStored(String stored) {
        int cut = stored.indexOf(SEPARATOR);
        return new CachedJson(stored.substring(0, cut), stored.substring(cut + 1));
    }

    /** Whether an If-None-Match header names this body (a list, a weak form, or *). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
