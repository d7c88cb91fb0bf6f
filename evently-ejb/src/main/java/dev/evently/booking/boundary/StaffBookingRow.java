package dev.evently.booking.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One booking as the console's search lists it (and exports it). Serializable because the console keeps the list
 * in a view that lives in the HTTP session.
 *
 * @param seats  the labels of the seats it holds or held, comma-separated
 * @param paidAt when its money arrived (its first succeeded payment); null while unpaid
 */
public record StaffBookingRow(long id, long eventId, String eventName, String customerEmail, String customerName,
                              String status, String seats, long totalCents, String currency, Instant createdAt,
                              Instant paidAt) implements Serializable {

    /** A search's answer: at most the limit asked for, newest first, and whether more bookings matched. */
    public record Found(List<StaffBookingRow> rows, boolean capped) implements Serializable {
    }
}
