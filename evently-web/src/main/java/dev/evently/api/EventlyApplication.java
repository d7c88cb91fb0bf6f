package dev.evently.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API; the web module's context root {@code /api} prefixes every path. Callers authenticate
 * with an RS256 bearer token from {@code POST /api/auth/login}, verified as MicroProfile JWT specifies (with
 * its {@code mp.jwt.verify.*} settings) by the application itself ({@code Caller}, {@code RoleCheck}); no
 * container login mechanism is installed, so the same checks run on every server.
 * <p>
 * Parameters are validated once, by Bean Validation's CDI interceptor (every resource is a CDI bean): Jersey's own
 * validation of the same parameters is off. Both ran on every request, and Jersey's was 2 % of a sale's CPU.
 */
@ApplicationScoped
@ApplicationPath("/")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The accessToken from POST /api/auth/login")
@OpenAPIDefinition(info = @Info(
        title = "Evently API",
        version = "0.1.0",
        description = "Browse events, choose exact seats, hold and pay for them, get tickets. "
                + "Errors are application/problem+json (RFC 9457) with a stable type.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class EventlyApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}
