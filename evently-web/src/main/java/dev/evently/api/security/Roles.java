package dev.evently.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource class or method (a resource declares these or {@link Public}). Evently's own
 * rather than {@code @RolesAllowed}: for that annotation Payara attaches a filter to each resource method
 * that authenticates the request a second time and asks Jakarta Security for the caller, which probes the
 * class loaders for other vendors' classes on every call — the costliest part of an authenticated request.
 * {@link RoleCheck} enforces these from the token {@link Caller} verified.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {

    String[] value();
}
