package dev.evently.console.bookings;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.booking.boundary.BookingSearch;
import dev.evently.booking.boundary.BookingView;
import dev.evently.booking.boundary.Cancellations;
import dev.evently.booking.boundary.StaffBooking;
import dev.evently.booking.boundary.UnpaidCancellations;
import dev.evently.booking.control.RowLocks;
import dev.evently.console.access.ConsoleSession;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Pages;
import dev.evently.notification.boundary.Notifications;
import dev.evently.platform.errors.BusinessException;
import dev.evently.platform.errors.NotFoundException;

/**
 * One booking ({@code booking.xhtml?id=N}) and what staff may do to it, each action confirmed first and put on
 * the audit log with the status before and after:
 * <ul>
 * <li>Cancel, for a booking held but not paid (box office and admins): its seats go back on sale. Refused if it
 * was paid meanwhile ({@link UnpaidCancellations}).</li>
 * <li>Refund, for a paid booking (admins only, asked here as well as hidden from others): {@link Cancellations}
 * cancels it as the API does for an admin, which voids its tickets, puts its seats back on sale and owes its money
 * back (REFUND_PENDING); the payment provider's confirmation then makes it REFUNDED. A paid booking is therefore
 * never cancelled without its refund, so the box office, who may not refund, cannot cancel it either.</li>
 * <li>Send tickets again, for a confirmed booking: the same tickets mail, queued again ({@link Notifications}).</li>
 * </ul>
 */
@Named
@ViewScoped
public class BookingDetail implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BookingDetail.class.getName());

    @Inject
    BookingSearch bookingSearch;

    @Inject
    Cancellations cancellations;

    @Inject
    UnpaidCancellations unpaidCancellations;

    @Inject
    Notifications notifications;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions staffActions;

    private Long id;
    private StaffBooking booking;

    /** On opening the page, and after every action. */
    public void load() {
        booking = null;
        if (id == null) {
            return;
        }
        try {
            booking = bookingSearch.detail(id);
        } catch (RuntimeException e) {
            if (!(EjbFailures.unwrap(e) instanceof NotFoundException)) {
                LOG.log(Level.WARNING, "could not read booking " + id, e);
                Pages.say(FacesMessage.SEVERITY_ERROR, "The booking could not be read. Try again in a moment.");
            }
        }
    }

    public void cancel() {
        if (!isCancellable()) {
            Pages.say(FacesMessage.SEVERITY_WARN, "Only a booking held but not paid can be cancelled here.");
            return;
        }
        String before = booking.status();
        // refused if it was paid meanwhile: that cancellation would be a refund, which may not be this person's
        BookingView after = attempt("cancel", () -> unpaidCancellations.cancel(session.getUser().id(), booking.id()));
        if (after != null) {
            staffActions.bookingCancelled(session.actor(), booking.id(), before, after.status());
            Pages.say(FacesMessage.SEVERITY_INFO, "Booking " + booking.id()
                    + " is cancelled; its seats are on sale again.");
        }
        load();
    }

    public void refund() {
        if (!session.isAdmin()) {
            Pages.say(FacesMessage.SEVERITY_ERROR, "Only an admin may refund a booking.");
            return;
        }
        if (!isPaid()) {
            Pages.say(FacesMessage.SEVERITY_WARN, "Only a paid booking can be refunded.");
            return;
        }
        String before = booking.status();
        BookingView after = attempt("refund", () -> cancellations.cancel(session.getUser().id(), true, booking.id()));
        if (after != null) {
            staffActions.bookingRefunded(session.actor(), booking.id(), before, after.status());
            Pages.say(FacesMessage.SEVERITY_INFO, "Booking " + booking.id() + " is cancelled and its money is being "
                    + "refunded. It shows Refunded once the payment provider confirms.");
        }
        load();
    }

    public void resendTickets() {
        if (!isPaid()) {
            Pages.say(FacesMessage.SEVERITY_WARN, "Only a confirmed booking has tickets to send.");
            return;
        }
        String to = attempt("send the tickets of", () -> notifications.resendTickets(booking.id()));
        if (to != null) {
            staffActions.ticketsResent(session.actor(), booking.id(), booking.status());
            Pages.say(FacesMessage.SEVERITY_INFO, "The tickets are on their way to " + to + " again.");
        }
        load();
    }

    /** The action's answer, or null when it was refused or failed: then the page says why. */
    private <T> T attempt(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            Throwable failure = EjbFailures.unwrap(e);
            if (!(failure instanceof BusinessException)) {
                LOG.log(Level.WARNING, "could not " + action + " booking " + booking.id(), e);
            }
            Pages.say(FacesMessage.SEVERITY_WARN, refusal(failure));
            return null;
        }
    }

    /** Why an action on a booking did not happen, as staff are told; never the exception's own text. */
    static String refusal(Throwable failure) {
        if (failure instanceof NotFoundException) {
            return "This booking does not exist.";
        }
        String type = failure instanceof BusinessException business ? business.type() : "";
        return switch (type == null ? "" : type) {
            case "ticket-checked-in" -> "A ticket of this booking was used at the door: it cannot be cancelled.";
            case "event-ended" -> "Its event has ended: the booking can no longer be cancelled.";
            case "booking-not-cancellable" -> "This booking has ended already.";
            case UnpaidCancellations.BOOKING_PAID -> "This booking has been paid meanwhile: cancelling it now means "
                    + "refunding it, which only an admin may do.";
            case "booking-not-confirmed" -> "Only a confirmed booking has tickets to send.";
            case "tickets-mail-pending" -> "A tickets mail for this booking is still waiting to go out: "
                    + "wait for it before sending another.";
            case "tickets-resent-too-often" -> "The tickets of this booking were sent again several times today "
                    + "already. Check the customer's address, or try again tomorrow.";
            case RowLocks.SEATS_BUSY -> "The booking is busy right now. Try again in a moment.";
            default -> "That did not work. Try again in a moment; if it keeps failing, tell an admin.";
        };
    }

    /** A booking status as staff read it. */
    public static String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "PENDING" -> "Held, not paid";
            case "CONFIRMED" -> "Confirmed";
            case "CANCELLED" -> "Cancelled";
            case "EXPIRED" -> "Expired";
            case "REFUND_PENDING" -> "Refund pending";
            case "REFUNDED" -> "Refunded";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    public String label(String status) {
        return statusLabel(status);
    }


    /** Held and not paid: anyone on this page may cancel it. */
    public boolean isCancellable() {
        return booking != null && "PENDING".equals(booking.status());
    }

    /** Paid and standing: an admin may refund it, and anyone here may send its tickets again. */
    public boolean isPaid() {
        return booking != null && "CONFIRMED".equals(booking.status());
    }

    public boolean isRefundable() {
        return isPaid() && session.isAdmin();
    }

    public StaffBooking getBooking() {
        return booking;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
