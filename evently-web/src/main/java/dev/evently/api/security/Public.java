package dev.evently.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anyone may call this resource (class or method), without a token: the explicit counterpart of {@link Roles}.
 * Every resource method carries one or the other; {@link RoleCheck} refuses a method with neither, and a
 * build-time test fails on one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {

    /** Why this is open to anyone: a public read, a login, a signed webhook. */
    String value();
}
