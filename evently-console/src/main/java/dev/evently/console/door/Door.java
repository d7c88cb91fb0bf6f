package dev.evently.console.door;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.booking.boundary.DoorCounts;
import dev.evently.booking.boundary.TicketView;
import dev.evently.booking.boundary.Tickets;
import dev.evently.booking.entity.TicketAlreadyCheckedInException;
import dev.evently.console.access.ConsoleSession;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Times;

/**
 * The door page's form: a scanned (or typed) code is checked in and the field emptied for the next person. Each
 * scan is one AJAX request, so the bean lives for a request; nothing of one scan carries over to the next. Every
 * answer goes on the audit log, and an answer about a real ticket comes with how far admission to its event has
 * come.
 */
@Named
@RequestScoped
public class Door {

    private static final Logger LOG = Logger.getLogger(Door.class.getName());

    @Inject
    Tickets tickets;

    @Inject
    Times times;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions staffActions;

    private String code;
    private Admission answer;
    private DoorCounts counts;

    public void checkIn() {
        String scanned = code == null ? "" : code.strip();
        code = null;
        if (scanned.isEmpty()) {
            answer = null;
            return;
        }
        TicketView ticket;
        try {
            ticket = tickets.checkIn(scanned);
        } catch (RuntimeException e) {
            refused(scanned, e);
            return;
        }
        answer = Admission.admitted(ticket, times.clock());
        staffActions.checkedIn(session.actor(), ticket);
        counts = counted(() -> tickets.doorCounts(ticket.eventId()));
    }

    private void refused(String scanned, RuntimeException e) {
        Throwable failure = EjbFailures.unwrap(e);
        if (!Admission.expected(failure)) {
            LOG.log(Level.WARNING, "a check-in failed unexpectedly", e);
        }
        answer = Admission.refused(failure, times.clock());
        staffActions.checkInRefused(session.actor(), scanned, answer.headline());
        if (failure instanceof TicketAlreadyCheckedInException) {
            // the refusal names no event; the ticket does (other refusals have no ticket, or a void one)
            counts = counted(() -> tickets.doorCountsOf(scanned).orElse(null));
        }
    }

    /** The counts are a help beside the answer, not part of it: without them the door still answers. */
    private static DoorCounts counted(Supplier<DoorCounts> counting) {
        try {
            return counting.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not count the event's check-ins", e);
            return null;
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** The answer to this request's scan; null before the first and after an empty one. */
    public Admission getAnswer() {
        return answer;
    }

    /** Of the scanned ticket's event: valid tickets and how many are checked in; null when there is no such event. */
    public DoorCounts getCounts() {
        return counts;
    }
}
