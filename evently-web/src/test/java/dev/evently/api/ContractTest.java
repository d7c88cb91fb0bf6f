package dev.evently.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The contract (META-INF/openapi.yaml, served as it is on every server) names exactly the operations the resources
 * answer: every resource method is documented, and nothing is documented that no method answers. An API change that
 * forgets the contract fails here, at build time, not in a generated client.
 */
class ContractTest {

    /** Container plumbing the servlet container routes to, not API. */
    private static final Set<String> PLUMBING = Set.of("dev.evently.api.problem.ErrorPages",
            "dev.evently.api.docs.StaticPages", "dev.evently.api.docs.ContractDocument");

    @Test
    void theContractNamesExactlyTheOperationsTheResourcesAnswer() throws Exception {
        assertThat(contract()).isEqualTo(resources()).hasSizeGreaterThan(40);
    }

    private static Set<String> contract() throws IOException {
        Set<String> operations = new TreeSet<>();
        try (InputStream in = ContractTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
            paths.forEach((path, item) -> item.keySet().stream().filter(key -> !key.equals("parameters"))
                    .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        }
        return operations;
    }

    private static Set<String> resources() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> operations = new TreeSet<>();
        for (Class<?> type : ApiClasses.compiled()) {
            jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null || PLUMBING.contains(type.getName())) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    operations.add(verb + " " + template(base.value() + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
        return operations;
    }

    private static String verb(Method method) {
        return Stream.of(method.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
    }

    /** {@code events//{id: [0-9]{1,18}}/} → {@code /events/{id}}: the template as OpenAPI writes it, no expressions. */
    static String template(String path) {
        StringBuilder plain = new StringBuilder("/");
        int depth = 0;
        boolean naming = false;
        for (char c : path.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                naming = true;
                plain.append(c);
            } else if (c == '}' && --depth == 0) {
                naming = false;
                plain.append(c);
            } else if (depth == 0 || naming && c != ':' && c != ' ') {
                plain.append(c);
            } else if (c == ':') {
                naming = false;
            }
        }
        String joined = plain.toString().replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
