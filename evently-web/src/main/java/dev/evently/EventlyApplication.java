package dev.evently;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The REST API; the web module's context root {@code /api} prefixes every path. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(
        title = "Evently API",
        version = "0.1.0",
        description = "Browse events, choose exact seats, hold and pay for them, get tickets. "
                + "Errors are application/problem+json (RFC 9457) with a stable type.",
        license = @License(name = "Apache-2.0")))
public class EventlyApplication extends Application {
}
