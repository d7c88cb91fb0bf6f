package dev.evently.catalog.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import dev.evently.platform.hashing.Hashes;

/**
 * A response body serialised once and kept as its UTF-8 bytes with its strong ETag, so a cached seat map is
 * sent as bytes without rebuilding or re-encoding JSON, and a client that has it gets 304. Its gzip form is made
 * once too, on first use, for the clients that accept it: a seat map's JSON shrinks about elevenfold.
 */
public final class CachedJson {

    /** A smaller body is sent as it is: compressing it would save less than it costs. */
    static final int COMPRESS_FROM = 1024;
    private static final byte SEPARATOR = '\n';
    private static final String GZIP_SUFFIX = "-gzip";

    private final String etag;
    /** Made once here: every conditional read compares with it. */
    private final String gzipEtag;
    private final byte[] body;
    /** Made once, by its first user, then shared. */
    private volatile byte[] gzipped;

    private CachedJson(String etag, byte[] body) {
        this.etag = etag;
        this.gzipEtag = etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
        this.body = body;
    }

    public static CachedJson of(String json) {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    public static CachedJson of(byte[] body) {
        String tag = Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(body)).substring(0, 27);
        return new CachedJson("\"" + tag + "\"", body);
    }

    public String etag() {
        return etag;
    }

    public byte[] body() {
        return body;
    }

    public boolean isEmpty() {
        return body.length == 0;
    }

    /** Whether a client that accepts gzip is sent {@link #gzipped()}. */
    public boolean compressible() {
        return body.length >= COMPRESS_FROM;
    }

    /**
     * The body in gzip (the fastest level: a 1.2 MB seat map in about 3 ms, to a tenth), made on first use. Once:
     * the readers that come meanwhile wait for it. A new seat map meets its readers in a burst (200 buyers opening a
     * stadium's 3.5 MB map at once), and each compressing its own copy took CPU and heap from the sale.
     */
    public byte[] gzipped() {
        byte[] made = gzipped;
        if (made == null) {
            synchronized (this) {
                made = gzipped;
                if (made == null) {
                    made = gzip(body);
                    gzipped = made;
                }
            }
        }
        return made;
    }

    /** The ETag of the gzip form: another representation, so another strong tag. */
    public String gzipEtag() {
        return gzipEtag;
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

    /**
     * Whether an If-None-Match header names this body, in either form (a list, a weak form, or *): the client has
     * it, whichever way it was sent.
     */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || tag.equals(gzipEtag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a stream in memory does not fail
        }
        return out.toByteArray();
    }
}
