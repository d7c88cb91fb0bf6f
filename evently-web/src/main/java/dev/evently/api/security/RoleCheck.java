package dev.evently.api.security;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import dev.evently.accounts.control.Revocations;

/**
 * Enforces {@link Roles} on resources (the method's over the class's): no verified token → 401, a token
 * without one of the roles → 403. Both answer as problem+json through the exception mappers. Deny by default: a
 * resource method that declares neither roles nor {@link Public} is refused to everyone (403).
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Roles roles = resource.getResourceMethod().getAnnotation(Roles.class);
        Public open = resource.getResourceMethod().getAnnotation(Public.class);
        if (roles == null && open == null) {
            roles = resource.getResourceClass().getAnnotation(Roles.class);
            open = resource.getResourceClass().getAnnotation(Public.class);
        }
        if (roles != null) {
            context.register(new Filter(Set.of(roles.value())));
        } else if (open == null) {
            context.register(new Filter(Set.of()));  // declared by nobody: open to nobody
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {

        private final Set<String> roles;
        /** A client proxy of the request-scoped caller, looked up once: CDI.current() walks the stack. */
        private volatile Caller caller;
        private volatile Revocations revocations;

        Filter(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = this.caller;
            if (caller == null) {
                caller = CDI.current().select(Caller.class).get();
                this.caller = caller;
            }
            if (!caller.isAuthenticated() || revocations().revoked(caller.tokenId(), caller.sessionId())) {
                throw new NotAuthorizedException("Bearer");
            }
            if (roles.isEmpty() || caller.groups().stream().noneMatch(roles::contains)) {
                throw new ForbiddenException();
            }
        }

        private Revocations revocations() {
            Revocations known = revocations;
            if (known == null) {
                known = CDI.current().select(Revocations.class).get();
                revocations = known;
            }
            return known;
        }
    }
}
