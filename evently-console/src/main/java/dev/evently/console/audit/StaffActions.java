package dev.evently.console.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.evently.accounts.entity.Role;
import dev.evently.audit.boundary.Actor;
import dev.evently.audit.boundary.AuditTrail;
import dev.evently.booking.boundary.TicketView;

/**
 * What staff do in the console, put on the audit log: signing in and out, sign-ins refused, the door's answers,
 * roles given, and dead letters replayed or discarded.
 * Each record is a transaction of its own ({@link AuditTrail#record}), so a refused check-in is on record although
 * its transaction rolled back, and an admission once it has committed. A record that cannot be written is logged
 * and the action stands: the guest at the door is in either way, and staff cannot repair the log.
 * <p>
 * A ticket code admits whoever shows it, so the log keeps no more than its first {@value #CODE_SHOWN} characters.
 */
@ApplicationScoped
public class StaffActions {

    static final String SIGNED_IN = "console.signed-in";
    static final String SIGNED_OUT = "console.signed-out";
    static final String SIGN_IN_REFUSED = "console.sign-in-refused";
    static final String CHECKED_IN = "ticket.checked-in";
    static final String CHECK_IN_REFUSED = "ticket.check-in-refused";
    static final String ROLE_CHANGED = "user.role-changed";
    static final String EVENT_CREATED = "event.created";
    static final String EVENT_UPDATED = "event.updated";
    static final String EVENT_PUBLISHED = "event.published";
    static final String EVENT_CANCELLED = "event.cancelled";

    // messaging: dead letters sent back or thrown away
    static final String MESSAGE_REPLAYED = "message.replayed";
    static final String MESSAGE_DISCARDED = "message.discarded";
    // the seat map's box office
    static final String SOLD_AT_BOX_OFFICE = "booking.sold-at-box-office";

    /** Enough to tell codes apart when reading the log; nowhere near enough to admit anyone. */
    static final int CODE_SHOWN = 8;

    private static final Logger LOG = Logger.getLogger(StaffActions.class.getName());

    @Inject
    AuditTrail trail;

    public void signedIn(Actor staff, String role) {
        record(staff, SIGNED_IN, user(staff), Map.of("role", role));
    }

    /**
     * A staff account's sign-in refused for a wrong password. Only staff accounts are recorded (see SignIn), and
     * refusals by the failed-attempt limit not at all: repeating them costs nothing, and this log is never purged.
     */
    public void signInRefused(String email, Long accountId, String clientAddress, String reason) {
        Actor who = new Actor(accountId, email, clientAddress);
        record(who, SIGN_IN_REFUSED, user(who), Map.of("reason", reason));
    }

    /** @param reason how the console session ended: signed out, or ended without a request (idle, server stopped) */
    public void signedOut(Actor staff, String reason) {
        record(staff, SIGNED_OUT, user(staff), Map.of("reason", reason));
    }

    public void checkedIn(Actor staff, TicketView ticket) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("event", ticket.eventName());
        after.put("eventId", ticket.eventId());
        after.put("seat", ticket.seatLabel());
        after.put("checkedInAt", ticket.checkedInAt());
        record(staff, CHECKED_IN, "ticket " + ticket.id(), null, after);
    }

    /** @param reason the door's answer, as staff saw it */
    public void checkInRefused(Actor staff, String code, String reason) {
        record(staff, CHECK_IN_REFUSED, "ticket code " + shortened(code), Map.of("reason", reason));
    }

    /** An admin gave an account another role. */
    public void roleChanged(Actor admin, long userId, Role before, Role after) {
        record(admin, ROLE_CHANGED, "user " + userId, Map.of("role", before.name()), Map.of("role", after.name()));
    }

    /** An admin sent a dead letter back to the queue it came from. */
    public void messageReplayed(Actor admin, String messageId, String queue, String eventType) {
        record(admin, MESSAGE_REPLAYED, "message " + messageId, deadLetter(messageId, queue, eventType));
    }

    /** An admin took a dead letter off the dead-letter queue for good. */
    public void messageDiscarded(Actor admin, String messageId, String queue, String eventType) {
        record(admin, MESSAGE_DISCARDED, "message " + messageId, deadLetter(messageId, queue, eventType));
    }

    /** What identifies a dead letter on the log; its body may hold personal data and stays off it. */
    static Map<String, Object> deadLetter(String messageId, String queue, String eventType) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("messageId", messageId);
        facts.put("queue", queue);
        facts.put("eventType", eventType);
        return facts;
    }

    // the bookings pages (console.bookings): each with the booking's status before and after

    static final String BOOKING_CANCELLED = "booking.cancelled";
    static final String BOOKING_REFUNDED = "booking.refunded";
    static final String TICKETS_RESENT = "booking.tickets-resent";
    static final String BOOKINGS_EXPORTED = "bookings.exported";

    /** Staff cancelled a booking that was not paid: its seats are on sale again. */
    public void bookingCancelled(Actor staff, long bookingId, String before, String after) {
        record(staff, BOOKING_CANCELLED, "booking " + bookingId, Map.of("status", before), Map.of("status", after));
    }

    /** An admin cancelled a paid booking, which owes its money back: the refund follows. */
    public void bookingRefunded(Actor admin, long bookingId, String before, String after) {
        record(admin, BOOKING_REFUNDED, "booking " + bookingId, Map.of("status", before), Map.of("status", after));
    }

    /** Staff had a confirmed booking's tickets mailed again to its buyer. */
    public void ticketsResent(Actor staff, long bookingId, String status) {
        record(staff, TICKETS_RESENT, "booking " + bookingId, Map.of("status", status),
                Map.of("status", status, "mail", "queued"));
    }

    /** Staff downloaded a list of bookings (customers' names and emails among it). */
    public void bookingsExported(Actor staff, String search, int rows) {
        record(staff, BOOKINGS_EXPORTED, null, Map.of("search", shortenedSearch(search), "rows", rows));
    }

    /**
     * What was searched, as the log keeps it: at most 100 characters, control characters made visible, and a ticket
     * code no more than a scanned one.
     */
    static String shortenedSearch(String search) {
        String text = search == null ? "" : search.strip();
        if (text.regionMatches(true, 0, "EVT1-", 0, 5)) {
            return shortened(text);
        }
        return (text.length() > 100 ? text.substring(0, 100) + "…" : text).replaceAll("\\p{Cntrl}", "?");
    }

    // the seat map's box office

    /** Seats sold at the box office and paid there: what was sold, to whom, for how much, taken how. */
    public void soldAtBoxOffice(Actor staff, BoxOfficeSale sale) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("event", sale.eventName());
        after.put("eventId", sale.eventId());
        after.put("seats", sale.seatLabels());
        after.put("customer", sale.customerEmail());
        after.put("walkIn", sale.walkIn());
        after.put("method", sale.method());
        after.put("amountCents", sale.amountCents());
        after.put("currency", sale.currency());
        record(staff, SOLD_AT_BOX_OFFICE, "booking " + sale.bookingId(), null, after);
    }

    /** A box-office sale as the audit log keeps it; {@code walkIn}: sold to the staff member's own account. */
    public record BoxOfficeSale(long bookingId, long eventId, String eventName, java.util.List<String> seatLabels,
                                String customerEmail, boolean walkIn, String method, long amountCents,
                                String currency) {
    }

    /* The event editor's changes: subject "event {id}"; an update records only the fields it changed. */

    /** @param fields the new event's fields as the admin gave them */
    public void eventCreated(Actor admin, long eventId, Map<String, ?> fields) {
        record(admin, EVENT_CREATED, "event " + eventId, fields);
    }

    /** @param before the changed fields as they were; {@code after} the same fields as they are now */
    public void eventUpdated(Actor admin, long eventId, Map<String, ?> before, Map<String, ?> after) {
        record(admin, EVENT_UPDATED, "event " + eventId, before, after);
    }

    public void eventPublished(Actor admin, long eventId, String name) {
        record(admin, EVENT_PUBLISHED, "event " + eventId, Map.of("status", "DRAFT"),
                Map.of("status", "PUBLISHED", "name", name));
    }

    /** @param statusBefore what the event was before: a draft, or on sale */
    public void eventCancelled(Actor admin, long eventId, String name, String statusBefore) {
        record(admin, EVENT_CANCELLED, "event " + eventId, Map.of("status", statusBefore),
                Map.of("status", "CANCELLED", "name", name));
    }

    /** The first characters of a scanned code, control characters made visible, and an ellipsis if cut. */
    static String shortened(String code) {
        if (code == null) {
            return "";
        }
        String shown = code.codePointCount(0, code.length()) <= CODE_SHOWN ? code
                : code.substring(0, code.offsetByCodePoints(0, CODE_SHOWN)) + "…";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    private static String user(Actor who) {
        return who.id() == null ? null : "user " + who.id();
    }

    private void record(Actor who, String action, String subject, Map<String, ?> after) {
        record(who, action, subject, null, after);
    }

    private void record(Actor who, String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        try {
            trail.record(who, action, subject, before, after);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not put " + action + " by " + who.email() + " on the audit log", e);
        }
    }
}
