package dev.evently.catalog.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import dev.evently.platform.hashing.Hashes;

/**
 * A response body serialised once and kept as its UTF-8 bytes with its strong ETag, so a cached seat map is
 * sent as bytes without rebuilding or re-encoding JSON, and a client that has it gets 304.
 */
public record CachedJson(String etag, byte[] body) {

    private static final byte SEPARATOR = '\n';

    public static CachedJson of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    public static CachedJson of(byte[] body) {
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(body)).substring(0, 27);
        return new CachedJson("\"" + tag + "\"", body);
    }

    public boolean isEmpty() {
        return body.length == 0;
    }

    /** How it is kept in Redis: the ETag, a newline, the body. */
    public byte[] stored() {
        byte[] tag = etag.getBytes(StandardCharsets.US_ASCII);
        byte[] stored = new byte[tag.length + 1 + body.length];
        System.arraycopy(tag, 0, stored, 0, tag.length);
        stored[tag.length] = SEPARATOR;
        System.arraycopy(body, 0, stored, tag.length + 1, body.length);
        return stored;
    }

    /** What {@link #stored()} made, or null for anything else. */
    public static CachedJson fromStored(byte[] stored) {
        int cut = 0;
        while (cut < stored.length && stored[cut] != SEPARATOR) {
            cut++;
        }
        if (cut == stored.length) {
            return null;
        }
        return new CachedJson(new String(stored, 0, cut, StandardCharsets.US_ASCII),
                Arrays.copyOfRange(stored, cut + 1, stored.length));
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
