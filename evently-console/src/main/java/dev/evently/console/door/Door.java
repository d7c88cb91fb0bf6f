package dev.evently.console.door;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.booking.boundary.Tickets;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Times;

/**
 * The door page's form: a scanned (or typed) code is checked in and the field emptied for the next person. Each
 * scan is one AJAX request, so the bean lives for a request; nothing of one scan carries over to the next.
 */
@Named
@RequestScoped
public class Door {

    private static final Logger LOG = Logger.getLogger(Door.class.getName());

    @Inject
    Tickets tickets;

    @Inject
    Times times;

    private String code;
    private Admission answer;

    public void checkIn() {
        String scanned = code == null ? "" : code.strip();
        code = null;
        if (scanned.isEmpty()) {
            answer = null;
            return;
        }
        try {
            answer = Admission.admitted(tickets.checkIn(scanned), times.clock());
        } catch (RuntimeException e) {
            Throwable failure = EjbFailures.unwrap(e);
            if (!Admission.expected(failure)) {
                LOG.log(Level.WARNING, "a check-in failed unexpectedly", e);
            }
            answer = Admission.refused(failure, times.clock());
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
}
