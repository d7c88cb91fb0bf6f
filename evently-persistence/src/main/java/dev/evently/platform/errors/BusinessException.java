package dev.evently.platform.errors;

import java.util.Map;

import jakarta.ejb.ApplicationException;

/**
 * A broken business rule. Unchecked so it crosses the EJB boundary as itself, not wrapped in an
 * {@code EJBException}, and rolls back the transaction so no half-applied change survives it.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private final String type;
    private final int status;

    protected BusinessException(String type, int status, String detail) {
        super(detail);
        this.type = type;
        this.status = status;
    }

    /** Stable slug clients may switch on, e.g. {@code seat-unavailable}; never reworded once published. */
    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** How long a client should wait before trying again (a limit, a part that is away); null when not said. */
    public java.time.Duration retryAfter() {
        return null;
    }

    /** Machine-readable details a client can act on (the seats not available, the field at fault). */
    public Map<String, Object> details() {
        return Map.of();
    }
}
