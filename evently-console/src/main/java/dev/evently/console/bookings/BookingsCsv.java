package dev.evently.console.bookings;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import dev.evently.console.platform.Money;
import dev.evently.booking.boundary.StaffBookingRow;
import dev.evently.platform.control.CsvWriter;

/**
 * A list of bookings as CSV (RFC 4180): a header row, then one row per booking, every cell quoted (quotes doubled),
 * so commas, quotes and line breaks in names stay in their cell. A cell a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe: a customer named
 * {@code =HYPERLINK(...)} is shown as text, never run. Amounts are decimals, times ISO-8601 in UTC. The writing
 * itself is {@link CsvWriter}'s, shared with the API's exports.
 */
public final class BookingsCsv {

    static final List<String> HEADER = List.of("booking", "event", "customer email", "customer name", "status",
            "seats", "amount", "currency", "created", "paid");

    private BookingsCsv() {
    }

    public static void write(List<StaffBookingRow> rows, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out).row(HEADER);
        for (StaffBookingRow row : rows) {
            csv.row(String.valueOf(row.id()), row.eventName(), row.customerEmail(), row.customerName(), row.status(),
                    row.seats(), Money.units(row.totalCents()), row.currency(), CsvWriter.time(row.createdAt()),
                    CsvWriter.time(row.paidAt()));
        }
        csv.flush();
    }

    /** One cell: defused, quoted. */
    static String cell(String value) {
        return CsvWriter.cell(value);
    }
}
