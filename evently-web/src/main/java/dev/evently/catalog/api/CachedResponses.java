package dev.evently.catalog.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.evently.catalog.boundary.CachedJson;

/**
 * How a cached catalogue read is answered, by JAX-RS ({@link EventsResource}) and by the servlet fast path
 * ({@link CachedCatalogReads}) alike: its ETag, revalidation on every use, 304 when the client's If-None-Match
 * already names the body ({@link CachedJson#matches}), and the body's gzip form, made once per cached body, for a
 * client whose Accept-Encoding takes gzip (browsers do; a seat map is then about a tenth of its size). The gzip
 * form has its own ETag, and every answer varies by Accept-Encoding.
 */
final class CachedResponses {

    /** Clients and proxies may keep the body, but must ask again (with the ETag) before each use. */
    static final String CACHE_CONTROL = "no-cache, no-transform";
    private static final int LONGEST_ACCEPT_ENCODING = 1000;

    private CachedResponses() {
    }

    static Response of(CachedJson cached, String ifNoneMatch, String acceptEncoding) {
        boolean gzip = cached.compressible() && acceptsGzip(acceptEncoding);
        Response.ResponseBuilder answer;
        if (cached.matches(ifNoneMatch)) {
            answer = Response.notModified();
        } else {
            answer = Response.ok(gzip ? cached.gzipped() : cached.body(), MediaType.APPLICATION_JSON_TYPE);
            if (gzip) {
                answer.header("Content-Encoding", "gzip");
            }
        }
        return answer.header("ETag", gzip ? cached.gzipEtag() : cached.etag()).header("Cache-Control", CACHE_CONTROL)
                .header("Vary", "Accept-Encoding").build();
    }

    static void write(CachedJson cached, String ifNoneMatch, String acceptEncoding, HttpServletResponse response)
            throws IOException {
        boolean gzip = cached.compressible() && acceptsGzip(acceptEncoding);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", gzip ? cached.gzipEtag() : cached.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (cached.matches(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? cached.gzipped() : cached.body();
        response.setContentType(MediaType.APPLICATION_JSON);
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether an Accept-Encoding header names gzip (or x-gzip) without refusing it ({@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.length() > LONGEST_ACCEPT_ENCODING) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                return !refused(parts);
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return true;  // a weight that is no number: not taken as a yes
                }
            }
        }
        return false;
    }
}
