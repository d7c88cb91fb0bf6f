package dev.evently.platform.api;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Names each request JAX-RS routed by its resource method's path template, for {@link RequestTimes}: worked out
 * once per method at deployment, and named before any other filter may refuse the request (a 401 is timed under
 * the endpoint that refused it). In a servlet container a request's JAX-RS properties are its servlet attributes.
 */
@Provider
public class ResourcePaths implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Naming(template(resource.getResourceClass(), resource.getResourceMethod())));
    }

    /**
     * The class's and the method's {@link Path}s joined, as the API documents the path: {@code /events/{id}/seats}.
     * A parameter's regular expression is left out ({@code {id: [0-9]{1,18}}} is {@code {id}}).
     */
    public static String template(Class<?> resource, Method method) {
        StringBuilder template = new StringBuilder();
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(Path.class)) {  // a proxy's superclass is the resource
                append(template, type.getAnnotation(Path.class));
                break;
            }
        }
        append(template, method.getAnnotation(Path.class));
        return template.isEmpty() ? "/" : template.toString();
    }

    private static void append(StringBuilder template, Path path) {
        if (path == null) {
            return;
        }
        for (String segment : withoutRegex(path.value()).split("/")) {
            if (!segment.isEmpty()) {
                template.append('/').append(segment);
            }
        }
    }

    /** Each {@code {name: regex}} as {@code {name}}; the regex may hold braces of its own. */
    static String withoutRegex(String path) {
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i++);
            plain.append(c);
            if (c != '{') {
                continue;
            }
            int depth = 1;
            StringBuilder name = new StringBuilder();
            boolean inName = true;
            while (i < path.length() && depth > 0) {
                char p = path.charAt(i++);
                if (p == '{') {
                    depth++;
                } else if (p == '}') {
                    depth--;
                } else if (p == ':' && depth == 1) {
                    inName = false;
                }
                if (inName && depth > 0) {
                    name.append(p);
                }
            }
            plain.append(name.toString().trim()).append('}');
        }
        return plain.toString();
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class Naming implements ContainerRequestFilter {

        private final String template;

        Naming(String template) {
            this.template = template;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(RequestTimes.TEMPLATE, template);
        }
    }
}
