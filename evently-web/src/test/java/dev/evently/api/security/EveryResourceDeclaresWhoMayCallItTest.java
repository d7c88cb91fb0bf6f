package dev.evently.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;

import dev.evently.api.ApiClasses;

/**
 * Deny by default, checked when the module is built: every resource method of the API says who may call it,
 * with {@link Roles} or {@link Public} on itself or its class. A new endpoint without either fails the build
 * (and is refused to everyone at run time).
 */
class EveryResourceDeclaresWhoMayCallItTest {

    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    @Test
    void everyResourceMethodHasRolesOrIsMarkedPublic() throws Exception {
        List<String> undeclared = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : ApiClasses.compiled()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                    continue;
                }
                checked++;
                boolean declared = method.isAnnotationPresent(Roles.class) || method.isAnnotationPresent(Public.class)
                        || type.isAnnotationPresent(Roles.class) || type.isAnnotationPresent(Public.class);
                if (!declared) {
                    undeclared.add(type.getName() + "." + method.getName());
                }
            }
        }
        assertThat(checked).as("resource methods found").isGreaterThan(30);
        assertThat(undeclared).as("resource methods without @Roles or @Public").isEmpty();
    }
}
