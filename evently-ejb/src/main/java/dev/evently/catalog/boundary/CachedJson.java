package dev.evently.catalog.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.evently.platform.Hashes;

/**
 * A response body serialised once and kept as its UTF-8 bytes with its strong ETag, so a cached seat map is
 * sent as bytes without rebuilding or re-encoding JSON, and a client that has it gets 304.
 */
public record CachedJson(String etag, byte[] body) {

    private static final char SEPARATOR = '\n';

    public static CachedJson of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    private static CachedJson of(byte[] body) {
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(body)).substring(0, 27);
        return new CachedJson("\"" + tag + "\"", body);
    }

    public boolean isEmpty() {
        return body.length == 0;
    }

    /** One string in Redis: the ETag, a newline, the body. */
    public String stored() {
        return etag + SEPARATOR + new String(body, StandardCharsets.UTF_8);
    }

    public static CachedJson fromStored(String stored) {
        int cut = stored.indexOf(SEPARATOR);
        return new CachedJson(stored.substring(0, cut), stored.substring(cut + 1).getBytes(StandardCharsets.UTF_8));
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
