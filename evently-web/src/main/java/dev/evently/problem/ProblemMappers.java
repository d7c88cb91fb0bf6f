package dev.evently.problem;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.evently.platform.BusinessException;

/**
 * The one family of exception mappers: business exceptions keep their type and status; framework
 * errors become the matching problem; anything unexpected is logged with an incident id and
 * answered as a bare 500 problem that names only that id.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    /** PostgreSQL's SQLSTATEs for a lock wait past lock_timeout and for a deadlock victim. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String DEADLOCK = "40P01";

    private ProblemMappers() {
    }

    static Response business(BusinessException e) {
        return Problem.of(e.type(), title(e.status()), e.status(), e.getMessage()).with(e.details()).toResponse();
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
            return malformed();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Problem.of("stale-version", "Conflict", 409,
                        "Someone changed this at the same time; reload and try again.").toResponse();
            }
            if (lockContention(t)) {
                if (hasSqlState(t, DEADLOCK)) {
                    LOG.log(Level.WARNING, "deadlock victim: locks are taken in one order, so this is a bug", e);
                }
                return Problem.of("seats-busy", "Conflict", 409,
                        "Others are booking or changing the same seats right now; try again in a moment.").toResponse();
            }
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

    /**
     * A row lock not granted within the transaction's lock_timeout, or a deadlock victim: the whole transaction
     * rolled back, nothing changed, and the same request may well succeed a moment later.
     */
    static boolean lockContention(Throwable t) {
        return t instanceof PessimisticLockException || t instanceof LockTimeoutException
                || t instanceof SQLException sql
                && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) || DEADLOCK.equals(sql.getSQLState()));
    }

    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
            return malformed();
        }
    }

    @Provider
    public static class JsonParsing implements ExceptionMapper<JsonParsingException> {
        @Override
        public Response toResponse(JsonParsingException e) {
            return malformed();
        }
    }

    static Response malformed() {
        return Problem.of("malformed-body", "Malformed request body", 400,
                "The body is not valid JSON of the expected shape.").toResponse();
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }
}
