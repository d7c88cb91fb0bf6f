package dev.evently.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * One recorded action as an admin reads it. Before and after are the JSON documents as stored, for reading, not for
 * taking apart. Serializable because the console keeps a page of them in a view that lives in the HTTP session.
 */
public record AuditEntry(long id, Instant at, Long actorId, String actorEmail, String action, String subject,
                         String before, String after, String clientAddress) implements Serializable {
}
