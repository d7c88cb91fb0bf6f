package dev.evently.console.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evently.booking.boundary.StaffBookingRow;

class BookingsCsvTest {

    private static final Instant CREATED = Instant.parse("2026-03-14T18:30:07Z");
    private static final Instant PAID = Instant.parse("2026-03-14T18:31:00Z");

    @Test
    void aHeaderThenOneQuotedRowPerBooking() throws IOException {
        String csv = csv(List.of(
                new StaffBookingRow(42, 7, "Jazz Night", "ada@example.org", "Ada Lovelace", "CONFIRMED",
                        "Floor A-1, Floor A-2", 5050, "EUR", CREATED, PAID),
                new StaffBookingRow(43, 7, "Jazz Night", "bob@example.org", "Bob", "PENDING", "Floor B-1", 2500,
                        "EUR", CREATED, null)));

        assertThat(csv).isEqualTo("""
                "booking","event","customer email","customer name","status","seats","amount","currency","created","paid"\r
                "42","Jazz Night","ada@example.org","Ada Lovelace","CONFIRMED","Floor A-1, Floor A-2","50.50","EUR","2026-03-14T18:30:07Z","2026-03-14T18:31:00Z"\r
                "43","Jazz Night","bob@example.org","Bob","PENDING","Floor B-1","25.00","EUR","2026-03-14T18:30:07Z",""\r
                """);
    }

    @Test
    void anEmptyListIsTheHeaderAlone() throws IOException {
        assertThat(csv(List.of())).startsWith("\"booking\",").endsWith("\"paid\"\r\n").hasLineCount(1);
    }

    @Test
    void quotesCommasAndLineBreaksStayInTheirCell() {
        assertThat(BookingsCsv.cell("say \"hi\", then\nleave")).isEqualTo("\"say \"\"hi\"\", then\nleave\"");
        assertThat(BookingsCsv.cell(null)).isEqualTo("\"\"");
        assertThat(BookingsCsv.cell("")).isEqualTo("\"\"");
    }

    @Test
    void whatASpreadsheetWouldRunIsDefused() {
        assertThat(BookingsCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(BookingsCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(BookingsCsv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(BookingsCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(BookingsCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(BookingsCsv.cell("a=b")).as("only at the start").isEqualTo("\"a=b\"");
    }

    private static String csv(List<StaffBookingRow> rows) throws IOException {
        StringWriter out = new StringWriter();
        BookingsCsv.write(rows, out);
        return out.toString();
    }
}
