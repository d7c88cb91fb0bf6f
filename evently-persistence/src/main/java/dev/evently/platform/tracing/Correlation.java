package dev.evently.platform.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the work the current thread does: the HTTP request id, or the correlation id of the
 * message being consumed. Outbox rows written meanwhile carry it to the broker, so one booking's request,
 * its events and every consumer's log lines can be found by one id.
 */
public final class Correlation {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    /** What a caller may hand in: short, printable, nothing a log line or header could be abused with. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,100}");

    private Correlation() {
    }

    /** The id of the work in progress, or null outside a request or message. */
    public static String current() {
        return CURRENT.get();
    }

    /** Starts work under {@code id} (or a new id); the caller must {@link #end()} it. Returns the id used. */
    public static String begin(String id) {
        String used = acceptable(id) ? id : newId();
        CURRENT.set(used);
        return used;
    }

    public static void end() {
        CURRENT.remove();
    }

    private static boolean acceptable(String id) {
        return id != null && ACCEPTABLE.matcher(id).matches();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
