package dev.evently.console.bookings;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.evently.console.platform.Money;
import dev.evently.booking.boundary.StaffBookingRow;

/**
 * A list of bookings as CSV (RFC 4180): a header row, then one row per booking, every cell quoted (quotes doubled),
 * so commas, quotes and line breaks in names stay in their cell. A cell a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe: a customer named
 * {@code =HYPERLINK(...)} is shown as text, never run. Amounts are decimals, times ISO-8601 in UTC.
 */
public final class BookingsCsv {

    static final List<String> HEADER = List.of("booking", "event", "customer email", "customer name", "status",
            "seats", "amount", "currency", "created", "paid");

    private BookingsCsv() {
    }

    public static void write(List<StaffBookingRow> rows, Writer out) throws IOException {
        line(HEADER, out);
        for (StaffBookingRow row : rows) {
            line(List.of(String.valueOf(row.id()), row.eventName(), row.customerEmail(), row.customerName(),
                    row.status(), row.seats(), Money.units(row.totalCents()), row.currency(), time(row.createdAt()),
                    time(row.paidAt())), out);
        }
        out.flush();
    }

    private static void line(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One cell: defused, quoted. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
