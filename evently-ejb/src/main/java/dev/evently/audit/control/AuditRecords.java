package dev.evently.audit.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import dev.evently.audit.boundary.Actor;
import dev.evently.audit.boundary.AuditEntry;
import dev.evently.audit.boundary.AuditQuery;
import dev.evently.platform.control.SqlValues;

/**
 * The {@code audit_log} table's one owner. Entries are added in the caller's transaction and never changed; the
 * time is the database's ({@code default now()}), one clock for every instance. Nothing here purges: the retention
 * does not know this table, on purpose.
 */
@ApplicationScoped
public class AuditRecords {

    private static final Jsonb JSON = JsonbBuilder.create();

    /**
     * How each column takes its parameter ({@code ?} numbered when used): texts cut to their column, so that an
     * overlong value never costs the record; JSON cast, since the driver sends strings as varchar.
     */
    private static final Map<String, String> VALUES = Map.of(
            "actor_id", "?",
            "actor_email", "left(?, 320)",
            "action", "?",
            "subject", "left(?, 100)",
            "before", "cast(? as jsonb)",
            "after", "cast(? as jsonb)",
            "client_address", "left(?, 64)");

    /** The free text's condition, its pattern the {@code %1$d}th parameter. */
    private static final String TEXT = "(actor_email ilike ?%1$d escape '\\' or action ilike ?%1$d escape '\\'"
            + " or subject ilike ?%1$d escape '\\')";

    @PersistenceContext
    EntityManager em;

    /**
     * Records an action in the caller's transaction: it stands or falls with it.
     *
     * @param action a stable dotted name, e.g. {@code ticket.checked-in}, at most 60 characters
     * @param subject what it happened to, e.g. {@code ticket 123}, or null
     * @param before the facts before the action, or null; turned into a JSON object
     * @param after the facts after it, or null
     */
    public void record(Actor actor, String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        Objects.requireNonNull(action, "action");
        if (action.isBlank() || action.length() > 60) {
            throw new IllegalArgumentException("an action is a name of 1 to 60 characters, not '" + action + "'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("action", action);
        values.put("actor_id", actor == null ? null : actor.id());
        values.put("actor_email", actor == null ? null : actor.email());
        values.put("client_address", actor == null ? null : actor.clientAddress());
        values.put("subject", subject);
        values.put("before", json(before));
        values.put("after", json(after));
        // Hibernate binds a null of no known type as bytea, which PostgreSQL puts in no bigint or varchar column:
        // what is absent is left out of the insert and takes the column's null.
        values.values().removeIf(Objects::isNull);
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner parameters = new StringJoiner(", ");
        int position = 0;
        for (String column : values.keySet()) {
            columns.add(column);
            parameters.add(VALUES.get(column).replace("?", "?" + ++position));
        }
        Query insert = em.createNativeQuery("insert into audit_log (" + columns + ") values (" + parameters + ")");
        position = 0;
        for (Object value : values.values()) {
            insert.setParameter(++position, value);
        }
        insert.executeUpdate();
    }

    /** Entries that match every part of the query given, newest first, at most {@link AuditQuery#MOST}. */
    public List<AuditEntry> search(AuditQuery query) {
        // only the parts given become conditions, as in the event search: no parameter is ever compared with null
        StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        List<Object> parameters = new ArrayList<>();
        String pattern = containing(query.text());
        if (pattern != null) {
            parameters.add(pattern);
            where.add(TEXT.formatted(parameters.size()));
        }
        if (query.from() != null) {
            parameters.add(query.from());
            where.add("at >= ?" + parameters.size());
        }
        if (query.to() != null) {
            parameters.add(query.to());
            where.add("at < ?" + parameters.size());
        }
        parameters.add(AuditQuery.MOST);
        Query select = em.createNativeQuery("""
                select id, at, actor_id, actor_email, action, subject, cast(before as text), cast(after as text),
                    client_address
                from audit_log""" + where + " order by at desc, id desc limit ?" + parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            select.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return rows.stream().map(AuditRecords::entry).toList();
    }

    /**
     * The ILIKE pattern for entries containing the text as typed: {@code %} and {@code _} are matched as themselves,
     * not as wildcards, with {@code \} the escape; null for no text.
     */
    static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A JSON object of the facts, null for none. */
    static String json(Map<String, ?> facts) {
        return facts == null || facts.isEmpty() ? null : JSON.toJson(facts);
    }

    private static AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), SqlValues.instant(row[1]),
                row[2] == null ? null : ((Number) row[2]).longValue(), (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7], (String) row[8]);
    }
}
