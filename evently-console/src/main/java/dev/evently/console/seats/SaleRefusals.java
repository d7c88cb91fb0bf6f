package dev.evently.console.seats;

import java.util.List;
import java.util.function.Function;

import dev.evently.booking.boundary.Bookings;
import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.payment.entity.PaymentMethod;
import dev.evently.platform.errors.BusinessException;
import dev.evently.platform.errors.InvalidRequestException;

/**
 * What the box office is told when a sale is refused, as one plain sentence (never the exception's own text,
 * which is written for API clients). A sale is one transaction, so every refusal also means nothing was sold.
 */
final class SaleRefusals {

    /** Characters of a ticket code shown on screen: enough to tell tickets apart, not to admit anyone. */
    static final int CODE_SHOWN = 8;

    /** @param unexpected whether the failure is worth a line in the server log */
    record Refusal(String sentence, boolean unexpected) {
    }

    private SaleRefusals() {
    }

    /** @param labels the seats' labels for their ids, as the map shows them */
    static Refusal of(Throwable failure, Function<List<Long>, String> labels, int maxSeats) {
        if (failure instanceof SeatsUnavailableException taken) {
            List<Long> ids = taken.seatIds();
            if (ids.isEmpty()) {
                return expected("The seats were just taken: choose others.");
            }
            return expected(ids.size() == 1
                    ? "Seat " + labels.apply(ids) + " was just taken: choose another seat."
                    : "Seats " + labels.apply(ids) + " were just taken: choose other seats.");
        }
        if (failure instanceof InvalidRequestException) {
            return expected("A sale takes 1 to " + maxSeats + " seats of this event.");
        }
        if (failure instanceof BusinessException refused) {
            return switch (refused.type()) {
                case Bookings.HOLD_LIMIT_REACHED -> expected("This customer already holds unpaid seats of this event"
                        + " up to the limit: their unpaid booking must be paid or cancelled first.");
                case "event-not-on-sale" -> expected("This event is not on sale: nothing was sold.");
                case "event-not-found" -> expected("This event no longer exists.");
                case "seats-busy" -> expected("Someone else is booking these seats this very moment: nothing was"
                        + " sold. Try again in a moment.");
                case "request-in-flight" -> expected("This sale is still being completed: wait a moment and look at"
                        + " the map.");
                case "booking-not-payable" -> expected("The seats could not be paid for: nothing was sold. Try again.");
                default -> new Refusal("The sale was refused: nothing was sold.", true);
            };
        }
        return new Refusal("The sale could not be completed just now: nothing was sold. Try again.", true);
    }

    /** The payment method chosen on the form, if it is one the box office takes; else null. */
    static PaymentMethod method(String chosen) {
        if (chosen == null) {
            return null;
        }
        for (PaymentMethod method : PaymentMethod.values()) {
            if (method.isManual() && method.name().equals(chosen)) {
                return method;
            }
        }
        return null;
    }

    /** The first characters of a ticket code and an ellipsis; empty for none. */
    static String shortened(String code) {
        if (code == null) {
            return "";
        }
        return code.length() <= CODE_SHOWN ? code : code.substring(0, CODE_SHOWN) + "…";
    }

    private static Refusal expected(String sentence) {
        return new Refusal(sentence, false);
    }
}
