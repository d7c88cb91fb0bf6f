package dev.evently.api.problem;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A request without a body to an operation whose body is required is a malformed-body problem, on every JAX-RS
 * implementation: Jersey refuses to read an empty body, RESTEasy hands the method {@code null}, which validation would
 * call an invalid field. Runs once the caller is known to be allowed (after authentication and roles).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class EmptyBodies implements ContainerRequestFilter {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    /** Whether each resource method's body is required: a parameter that is no other kind, marked {@code @NotNull}. */
    private static final Map<Method, Boolean> REQUIRED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null && REQUIRED.computeIfAbsent(method, EmptyBodies::bodyRequired) && empty(request)) {
            request.abortWith(Problem.of("malformed-body", "Malformed request body", 400,
                    "The body is empty; a JSON object is expected.").toResponse());
        }
    }

    /** No body at all, or one without a byte (RESTEasy says it has an entity whenever there is a stream). */
    private static boolean empty(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return true;
        }
        try {
            PushbackInputStream body = new PushbackInputStream(request.getEntityStream(), 1);
            int first = body.read();
            if (first < 0) {
                return true;
            }
            body.unread(first);
            request.setEntityStream(body);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean bodyRequired(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            boolean body = true;
            boolean notNull = false;
            for (Annotation annotation : annotations) {
                body &= !NOT_THE_BODY.contains(annotation.annotationType());
                notNull |= annotation instanceof NotNull;
            }
            if (body && notNull) {
                return true;
            }
        }
        return false;
    }
}
