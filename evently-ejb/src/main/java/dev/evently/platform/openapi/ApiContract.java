package dev.evently.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Makes the scanned document a contract other systems can generate clients from: path templates as OpenAPI writes
 * them ({@code /admin/users/{id}}, not the JAX-RS regular expression a client would send literally), a security
 * requirement naming no scheme on every operation that wants no token (so validators and generators know it is public), and the
 * answers every operation of a kind can give ({@link CommonResponses}). Registered with {@code mp.openapi.filter}.
 * It lives here rather than beside the resources because Payara instantiates the filter with the application's
 * class loader, which sees the EJB module but not the web module's classes.
 */
public class ApiContract implements OASFilter {

    /** A template parameter with a regular expression: {@code {id: [0-9]{1,18}}}, within one path segment. */
    private static final Pattern REGEX_PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*:[^/]*}");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> items = new LinkedHashMap<>(api.getPaths().getPathItems());
        items.forEach((path, item) -> {
            String plain = plainTemplate(path);
            if (!plain.equals(path)) {
                api.getPaths().removePathItem(path);
                api.getPaths().addPathItem(plain, item);
            }
            item.getOperations().values().forEach(operation -> complete(plain, operation));
        });
    }

    private static void complete(String path, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            // one requirement naming no scheme: anyone may call (an empty list is not written out)
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        CommonResponses.complete(path, operation);
    }

    /** The path with each parameter's regular expression left out. */
    static String plainTemplate(String path) {
        return REGEX_PARAMETER.matcher(path).replaceAll("{$1}");
    }
}
