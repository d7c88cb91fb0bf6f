package dev.evently.security;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resources: no verified token →
 * 401, a token without one of the roles → 403. Payara's own filter for these annotations is switched off
 * (WEB-INF/payara-web.xml): it authenticated the request a second time and asked Jakarta Security for the
 * caller, the expensive way, on every call.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AnnotatedElement method = resource.getResourceMethod();
        AnnotatedElement type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Filter(Set.of()));
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !type.isAnnotationPresent(PermitAll.class)) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            context.register(new Filter(Set.copyOf(Arrays.asList(roles.value()))));
        } else if (type.isAnnotationPresent(DenyAll.class)) {
            context.register(new Filter(Set.of()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {

        private final Set<String> roles;

        Filter(Set<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = CDI.current().select(Caller.class).get();
            if (!caller.isAuthenticated()) {
                throw new NotAuthorizedException("Bearer");
            }
            if (caller.groups().stream().noneMatch(roles::contains)) {
                throw new ForbiddenException();
            }
        }
    }
}
