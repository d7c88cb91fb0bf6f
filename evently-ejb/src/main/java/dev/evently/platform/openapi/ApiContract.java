package dev.evently.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes the scanned document a contract other systems can generate clients from: path templates as OpenAPI writes
 * them ({@code /admin/users/{id}}, not the JAX-RS regular expression a client would send literally), a security
 * requirement naming no scheme on every operation that wants no token (so validators and generators know it is
 * public), the answers every operation of a kind can give ({@link CommonResponses}), every schema as the API really
 * sends and accepts it ({@link SchemaRepairs}), paging numbers as integers, each tag once, one relative server
 * ({@code /api}, wherever the instance runs) and no properties OpenAPI does not define (Payara adds a root
 * {@code endpoints}). Registered with {@code mp.openapi.filter}.
 * It lives here rather than beside the resources because Payara instantiates the filter with the application's
 * class loader, which sees the EJB module but not the web module's classes.
 */
public class ApiContract implements OASFilter {

    /** A template parameter with a regular expression: {@code {id: [0-9]{1,18}}}, within one path segment. */
    private static final Pattern REGEX_PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*:[^/]*}");

    /**
     * Operations answering a list of a named schema declared in another module, which Payara's scanner of the web
     * module cannot see: it writes {@code type = ARRAY, ref = X} as a plain reference to X.
     */
    private static final Map<String, String> LISTS_OF = Map.of(
            "listPayments", "PaymentLine",
            "myWaitlistEntries", "WaitlistEntry");

    /** Query parameters the resources read as text (to answer a bad one with a problem) that are integers. */
    private static final Set<String> INTEGER_QUERY = Set.of("page", "size", "limit", "days");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> named =
                api.getComponents() == null || api.getComponents().getSchemas() == null ? Map.of()
                        : api.getComponents().getSchemas();
        SchemaRepairs repairs = new SchemaRepairs(named);
        named.values().forEach(repairs::mendNamed);
        Map<String, PathItem> items = new LinkedHashMap<>(api.getPaths().getPathItems());
        items.forEach((path, item) -> {
            String plain = plainTemplate(path);
            if (!plain.equals(path)) {
                api.getPaths().removePathItem(path);
                api.getPaths().addPathItem(plain, item);
            }
            item.getOperations().values().forEach(operation -> complete(plain, operation, repairs));
        });
        api.setTags(eachOnce(api.getTags()));
        api.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/api")
                .description("The API, on the host and port the document was read from"))));
        dropPayaraEndpoints(api);
    }

    private static void complete(String path, Operation operation, SchemaRepairs repairs) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> mend(parameter, repairs));
        }
        if (operation.getRequestBody() != null) {
            mend(operation.getRequestBody().getContent(), repairs);
            // every body is required but logout's (the refresh token it may name is optional)
            operation.getRequestBody().setRequired("logout".equals(operation.getOperationId()) ? null : Boolean.TRUE);
        }
        if (LISTS_OF.containsKey(operation.getOperationId())) {
            Schema items = OASFactory.createSchema().ref(LISTS_OF.get(operation.getOperationId()));
            operation.getResponses().getAPIResponse("200").getContent().getMediaType("application/json")
                    .setSchema(OASFactory.createSchema().type(SchemaType.ARRAY).items(items));
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                mend(response.getContent(), repairs);
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(
                            header -> header.setSchema(repairs.mendUsed(header.getSchema(), null)));
                }
            });
        }
        publicOrAnswers(path, operation);
    }

    private static void mend(Parameter parameter, SchemaRepairs repairs) {
        parameter.setSchema(repairs.mendUsed(parameter.getSchema(), parameter.getName()));
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
        if (parameter.getIn() == Parameter.In.QUERY && INTEGER_QUERY.contains(parameter.getName())
                && parameter.getSchema() != null && parameter.getSchema().getType() == SchemaType.STRING) {
            parameter.getSchema().type(SchemaType.INTEGER).format("int32");
        }
        if (parameter.getSchema() != null) {
            parameter.setExample(SchemaRepairs.typed(parameter.getExample(), parameter.getSchema().getType()));
        }
    }

    private static void mend(Content content, SchemaRepairs repairs) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> media.setSchema(repairs.mendUsed(media.getSchema(), null)));
        }
    }

    /** Each tag once, with the description one of its mentions gives. */
    private static List<Tag> eachOnce(List<Tag> tags) {
        if (tags == null) {
            return null;
        }
        Map<String, Tag> once = new LinkedHashMap<>();
        tags.forEach(tag -> once.merge(tag.getName(), tag, (first, later) -> first.getDescription() != null ? first : later));
        return new ArrayList<>(once.values());
    }

    /**
     * Payara writes the paths of each application under a root {@code endpoints}, which OpenAPI does not define
     * (validators refuse the document). Its model is set before the filters run; an empty map is left out.
     */
    private static void dropPayaraEndpoints(OpenAPI api) {
        try {
            api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new LinkedHashMap<>());
        } catch (ReflectiveOperationException notPayara) {
            // another implementation: nothing of the kind to drop
        }
    }

    private static void publicOrAnswers(String path, Operation operation) {
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
