package dev.evently.api.docs;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.evently.api.security.Public;

/** Serves the files under {@code /openapi-ui/} of the WAR; only plain file names, nothing above them. */
@ApplicationScoped
@Public("the API documentation pages")
@Path("openapi-ui")
public class StaticPages {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "png", "image/png");

    @Context
    ServletContext servletContext;

    @GET
    @Operation(hidden = true)
    public Response index() {
        return Response.seeOther(URI.create("openapi-ui/index.html")).build();
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        if (!FILE_NAME.matcher(file).matches() || !TYPES.containsKey(extension)) {
            throw new NotFoundException();
        }
        InputStream content = servletContext.getResourceAsStream("/openapi-ui/" + file);
        if (content == null) {
            throw new NotFoundException();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(content, TYPES.get(extension)).cacheControl(cache).build();
    }
}
