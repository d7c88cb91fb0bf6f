package dev.evently.api.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.evently.platform.errors.BusinessException;
import dev.evently.platform.errors.LockContention;
import dev.evently.platform.errors.TooManyRequestsException;

/**
 * The one family of exception mappers: business exceptions keep their type and status; framework
 * errors become the matching problem; anything unexpected is logged with an incident id and
 * answered as a bare 500 problem that names only that id.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response business(BusinessException e) {
        Response response = Problem.of(e.type(), title(e.status()), e.status(), e.getMessage()).with(e.details())
                .toResponse();
        // every 401 names the scheme that would succeed (RFC 9110 section 11.6.1); a 503 says when to try again
        if (e.status() == 401) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, ErrorPages.BEARER_CHALLENGE)
                    .build();
        }
        if (e.retryAfter() != null) {
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, TooManyRequestsException.seconds(e.retryAfter())).build();
        }
        return e.status() == 503 ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build()
                : response;
    }

    static String title(int status) {
        if (status == 422) {
            return "Unprocessable Content";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    static Response unexpected(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof BusinessException business) {
            return business(business);
        }
        if (cause instanceof ConstraintViolationException violations) {
            return invalid(violations);
        }
        if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
            // JAX-RS wraps what the JSON-B provider throws while reading a body
            return malformed(cause);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Problem.of("stale-version", "Conflict", 409,
                        "Someone changed this at the same time; reload and try again.").toResponse();
            }
            // the whole transaction rolled back, nothing changed: the same request may well succeed a moment later
            if (LockContention.is(t)) {
                if (LockContention.deadlock(t)) {
                    LOG.log(Level.WARNING, "deadlock victim: locks are taken in one order, so this is a bug", e);
                }
                return Problem.of("seats-busy", "Conflict", 409,
                        "Others are booking or changing the same seats right now; try again in a moment.").toResponse();
            }
        }
        if (Outages.partAway(e)) {
            LOG.log(Level.WARNING, "a part is away, answered 503: " + e);
            return Response.fromResponse(Problem.of("unavailable", "Service Unavailable", 503,
                    "A part of the platform is restarting; try again in a moment.").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Problem.of("internal-error", "Internal error", 500,
                "Something went wrong on our side. Quote incident " + incident + " when reporting it.")
                .with(Map.of("incident", incident)).toResponse();
    }

    static Response invalid(ConstraintViolationException e) {
        List<Map<String, String>> fields = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = fields.isEmpty() ? "The request is invalid."
                : fields.get(0).get("field") + ": " + fields.get(0).get("message");
        return Problem.of("invalid-request", "Invalid request", 400, detail)
                .with(Map.of("violations", fields)).toResponse();
    }

    /** "create.request.email" → "email": the client knows the field, not the Java method. */
    static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current instanceof ProcessingException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    @Provider
    public static class Business implements ExceptionMapper<BusinessException> {
        @Override
        public Response toResponse(BusinessException e) {
            return business(e);
        }
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return invalid(e);
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            if (e.getCause() != null && unwrap(e.getCause()) instanceof BusinessException business) {
                return business(business);
            }
            if (e instanceof BadRequestException && e.getCause() instanceof NoContentException) {
                return Problem.of("malformed-body", "Malformed request body", 400,
                        "The body is empty; a JSON object is expected.").toResponse();
            }
            if (status == 401 || status == 403) {
                // RoleCheck refusing in JAX-RS answers as the container's own refusals do (ErrorPages)
                return ErrorPages.problem(status);
            }
            String title = title(status);
            String slug = e instanceof NotFoundException ? "not-found"
                    : e instanceof NotAllowedException ? "method-not-allowed"
                    : title.toLowerCase().replace(' ', '-');
            String detail = e instanceof NotFoundException ? "No resource at this path." : title + ".";
            Response response = Problem.of(slug, title, status, detail).toResponse();
            // keep headers such as Allow or WWW-Authenticate that the framework set
            Response.ResponseBuilder builder = Response.fromResponse(response);
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
            return builder.build();
        }
    }

    /** Malformed JSON or a value of the wrong type in the body. */
    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformed(e);
        }
    }

    @Provider
    public static class JsonParsing implements ExceptionMapper<JsonParsingException> {
        @Override
        public Response toResponse(JsonParsingException e) {
            return malformed(e);
        }
    }

    // Yasson names the property at fault only inside its messages; nested properties repeat the first form.
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']+)'");
    private static final Pattern UNKNOWN = Pattern.compile("Json property (\\S+) can not be mapped");

    /**
     * Not JSON at all: a malformed-body problem. Well-formed JSON with a field of the wrong type or a field
     * the endpoint does not know: an invalid-request problem naming the field, as a validation error would.
     */
    static Response malformed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessException business) {
                return business(business);  // the body stopped being read at its bound (RequestGuard)
            }
        }
        String message = String.valueOf(e.getMessage());
        List<String> path = new ArrayList<>();
        for (Matcher property = PROPERTY.matcher(message); property.find(); ) {
            path.add(property.group(1));
        }
        Matcher unknown = UNKNOWN.matcher(message);
        String fault;
        if (unknown.find()) {
            path.add(unknown.group(1));
            fault = "is not a field of this request";
        } else if (message.contains(StrictJson.NOT_A_STRING)) {
            fault = StrictJson.NOT_A_STRING;
        } else if (message.contains(StrictJson.NUL)) {
            fault = StrictJson.NUL;
        } else {
            fault = "has the wrong type";
        }
        if (path.isEmpty() || causedByParsing(e)) {
            return Problem.of("malformed-body", "Malformed request body", 400,
                    "The body is not valid JSON of the expected shape.").toResponse();
        }
        String field = String.join(".", path);
        return Problem.of("invalid-request", "Invalid request", 400, field + ": " + fault)
                .with(Map.of("violations", List.of(Map.of("field", field, "message", fault)))).toResponse();
    }

    private static boolean causedByParsing(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }
}
