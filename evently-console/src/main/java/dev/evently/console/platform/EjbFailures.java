package dev.evently.console.platform;

import jakarta.ejb.EJBException;

/**
 * What went wrong inside an EJB. Business exceptions arrive as themselves; anything else (a lock not granted, a
 * database away) arrives wrapped in an {@link EJBException}, possibly more than once across nested calls.
 */
public final class EjbFailures {

    private EjbFailures() {
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
