package dev.evently.console.seats;

import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.accounts.boundary.Accounts;
import dev.evently.accounts.entity.User;
import dev.evently.booking.boundary.BookingView;
import dev.evently.booking.boundary.BookingView.SeatLine;
import dev.evently.console.access.ConsoleSession;
import dev.evently.console.access.ConsoleUser;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.audit.StaffActions.BoxOfficeSale;
import dev.evently.console.platform.EjbFailures;
import dev.evently.console.platform.Pages;
import dev.evently.payment.boundary.BoxOfficeSales;
import dev.evently.payment.entity.PaymentMethod;
import dev.evently.platform.errors.NotFoundException;

/**
 * The seat map's sale form: the selected seats sold to a customer's account (or, without an email, to the box
 * office's own account as a walk-in sale) and paid in cash or at the card terminal, in one step. The sale's key
 * is the selection's ({@link Selection#key}), so a second click on Sell sells nothing twice. Every sale goes on
 * the audit log; every refusal is said in a sentence ({@link SaleRefusals}).
 */
@Named
@ViewScoped
public class BoxOffice implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BoxOffice.class.getName());

    static final int MAX_EMAIL = 254;
    static final int MAX_NOTE = 500;

    @Inject
    SeatMap map;

    @Inject
    Accounts accounts;

    @Inject
    BoxOfficeSales sales;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions staffActions;

    private String email;
    private String method = PaymentMethod.CASH.name();
    private String note;
    private Sold sold;

    public void sell() {
        map.touched();
        Selection selection = map.selection();
        ConsoleUser staff = session.getUser();
        if (map.getEvent() == null || staff == null) {
            return;
        }
        if (selection.isEmpty()) {
            // right after a sale (a second click on Sell, say) the sale is on the page already
            Pages.say(FacesMessage.SEVERITY_WARN, sold == null ? "Select the seats to sell on the map first."
                    : "Select seats on the map for the next sale.");
            return;
        }
        PaymentMethod paidBy = SaleRefusals.method(method);
        String customerEmail = email == null ? "" : email.strip();
        String noted = note == null || note.isBlank() ? null : note.strip();
        if (paidBy == null) {
            Pages.say(FacesMessage.SEVERITY_WARN, "Choose how the customer paid: cash or card terminal.");
            return;
        }
        if (customerEmail.length() > MAX_EMAIL || noted != null && noted.length() > MAX_NOTE) {
            Pages.say(FacesMessage.SEVERITY_WARN, "The email takes at most " + MAX_EMAIL + " characters and the note "
                    + MAX_NOTE + ".");
            return;
        }
        long customerId = staff.id();
        boolean walkIn = customerEmail.isEmpty();
        if (!walkIn) {
            try {
                User customer = accounts.findByEmail(customerEmail);
                customerId = customer.getId();
                customerEmail = customer.getEmail();
            } catch (RuntimeException e) {
                if (EjbFailures.unwrap(e) instanceof NotFoundException) {
                    Pages.say(FacesMessage.SEVERITY_WARN, "No account has this email: leave it empty to sell to a"
                            + " walk-in customer.");
                } else {
                    LOG.log(Level.WARNING, "could not look up a customer's account", e);
                    Pages.say(FacesMessage.SEVERITY_ERROR, "The customer's account could not be looked up just now:"
                            + " try again.");
                }
                return;
            }
        }
        long eventId = map.getEvent().id();
        List<Long> seatIds = selection.seatIds();
        BookingView booking;
        try {
            booking = sales.sell(staff.id(), customerId, eventId, seatIds, selection.key(), paidBy, noted);
        } catch (RuntimeException e) {
            refused(EjbFailures.unwrap(e));
            return;
        }
        sold = Sold.of(booking);
        selection.clear();
        email = null;
        note = null;
        staffActions.soldAtBoxOffice(session.actor(), new BoxOfficeSale(booking.id(), eventId, booking.eventName(),
                booking.seats().stream().map(SeatLine::label).toList(), walkIn ? staff.email() : customerEmail,
                walkIn, paidBy.name(), booking.totalCents(), booking.currency()));
        Pages.say(FacesMessage.SEVERITY_INFO, "Sold: booking " + booking.id() + ", " + booking.seats().size()
                + (booking.seats().size() == 1 ? " seat." : " seats."));
        redraw();
    }

    private void refused(Throwable failure) {
        SaleRefusals.Refusal refusal = SaleRefusals.of(failure, map::labels, map.selection().max());
        if (refusal.unexpected()) {
            LOG.log(Level.WARNING, "a box-office sale failed unexpectedly", failure);
        }
        Pages.say(FacesMessage.SEVERITY_WARN, refusal.sentence());
        redraw();
    }

    /** After a sale, or a refusal that may stem from a change the map does not show yet. */
    private void redraw() {
        try {
            map.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the seats again after a sale", e);
        }
    }

    /** The ticket code as staff may see it on screen: its first characters. */
    public String shortCode(String code) {
        return SaleRefusals.shortened(code);
    }

    /** The booking the last sale made, or null. */
    public Sold getSold() {
        return sold;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
