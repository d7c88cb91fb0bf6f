package dev.evently.audit.boundary;

import java.time.Instant;

/**
 * What an admin looks for in the audit log; every part is optional.
 *
 * @param text contained in the actor's email, the action or the subject, ignoring case
 * @param from entries at or after this time
 * @param to entries before this time
 */
public record AuditQuery(String text, Instant from, Instant to) {

    /** The most entries one search returns, newest first: more than a person reads; a narrower search finds older. */
    public static final int MOST = 500;

    public static AuditQuery containing(String text) {
        return new AuditQuery(text, null, null);
    }
}
