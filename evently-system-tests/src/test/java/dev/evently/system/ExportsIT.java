package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event's bookings and attendees as CSV for admins: the right rows and columns (never a ticket code), refused
 * as problems to others, and streamed: 100,000 rows leave the server's heap (after a collection, measured mid-way
 * through the download and after it, as MemoryBoundsIT measures) where it was, and go out without a Content-Length.
 */
class ExportsIT {

    private static final long MIB = 1024 * 1024;
    private static final int ROWS = 100_000;
    private static final String BOOKINGS_HEADER = "\"booking id\",\"status\",\"customer email\",\"customer name\","
            + "\"seats\",\"seat count\",\"total\",\"currency\",\"created at\",\"paid at\",\"cancelled at\"";
    private static final String ATTENDEES_HEADER = "\"ticket id\",\"seat\",\"section\",\"holder email\","
            + "\"holder name\",\"booking id\",\"ticket status\",\"checked in at\"";
    private static final Pattern CELL = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

    /** HTTP/1.1 as Stack's client; its own, to read a body as it arrives rather than whole. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** An admin of these tests alone: the exports each admin may ask for in a minute are counted apart. */
    static String admin;

    @BeforeAll
    static void admin() {
        admin = Auth.login(ConsoleIT.staff("ADMIN"), Auth.PASSWORD);
    }

    @Test
    void anEventsBookingsAndAttendeesAsCsvForAdminsOnly() throws Exception {
        Catalog.Venue venue = Catalog.venue(Tokens.admin(), "Exported");
        long eventId = venue.eventId();
        Tokens.Account buyer = Tokens.newUsers(1).get(0);
        List<Long> bought = List.of(venue.seats().get(0), venue.seats().get(1));
        long paid = WaitlistIT.hold(buyer, eventId, bought);
        Provider.pay(buyer.token(), paid);
        long pending = WaitlistIT.hold(buyer, eventId, List.of(venue.seats().get(6)));
        Map<Long, String> labels = new HashMap<>();
        Map<Long, String> sections = new HashMap<>();
        Stack.json(Stack.get("/api/events/" + eventId + "/seats")).path("seats").forEach(seat -> {
            labels.put(seat.path("id").asLong(), seat.path("label").asText());
            sections.put(seat.path("id").asLong(), seat.path("section").asText());
        });
        Map<String, Object> money = Database.row(
                "select total_cents, cast(currency as text) as currency from bookings where id = ?", paid);

        HttpResponse<String> bookings = Auth.get("/api/admin/events/" + eventId + "/bookings.csv", admin);
        assertThat(bookings.statusCode()).as(bookings.body()).isEqualTo(200);
        assertThat(bookings.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(bookings.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("filename=\"event-" + eventId + "-bookings.csv\"");
        List<String> lines = bookings.body().lines().toList();
        assertThat(lines).hasSize(3).first().isEqualTo(BOOKINGS_HEADER);
        assertThat(bookings.body()).endsWith("\r\n");
        Map<String, List<String>> rows = new HashMap<>();
        lines.subList(1, 3).forEach(line -> rows.put(cells(line).get(0), cells(line)));
        List<String> paidRow = rows.get(String.valueOf(paid));
        String seats = bought.stream().sorted().map(labels::get).reduce((a, b) -> a + ", " + b).orElseThrow();
        assertThat(rows).containsOnlyKeys(String.valueOf(paid), String.valueOf(pending));
        assertThat(paidRow.subList(0, 8)).containsExactly(String.valueOf(paid), "CONFIRMED", buyer.email(), "Shopper 1",
                seats, "2", units(((Number) money.get("total_cents")).longValue()), (String) money.get("currency"));
        assertThat(paidRow.get(8)).as("created at").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(paidRow.get(9)).as("paid at").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(paidRow.get(10)).as("cancelled at").isEmpty();
        List<String> pendingRow = rows.get(String.valueOf(pending));
        assertThat(pendingRow.subList(0, 6)).containsExactly(String.valueOf(pending), "PENDING", buyer.email(),
                "Shopper 1", labels.get(venue.seats().get(6)), "1");
        assertThat(pendingRow.get(9)).as("paid at").isEmpty();

        HttpResponse<String> attendees = Auth.get("/api/admin/events/" + eventId + "/attendees.csv", admin);
        assertThat(attendees.statusCode()).as(attendees.body()).isEqualTo(200);
        assertThat(attendees.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename=\"event-" + eventId + "-attendees.csv\"");
        List<String> attending = attendees.body().lines().toList();
        assertThat(attending).as("the header, then the tickets of the paid booking only").hasSize(3)
                .first().isEqualTo(ATTENDEES_HEADER);
        for (String line : attending.subList(1, 3)) {
            List<String> ticket = cells(line);
            assertThat(ticket.get(1)).isIn(labels.get(bought.get(0)), labels.get(bought.get(1)));
            assertThat(ticket.subList(2, 8)).containsExactly(sections.get(bought.get(0)), buyer.email(), "Shopper 1",
                    String.valueOf(paid), "VALID", "");
        }
        for (Map<String, Object> ticket : Database.rows("select code from tickets where booking_id = ?", paid)) {
            assertThat(attendees.body()).as("a ticket code admits whoever shows it")
                    .doesNotContain((String) ticket.get("code"));
        }

        String path = "/api/admin/events/" + eventId + "/bookings.csv";
        ProblemsIT.assertProblem(Auth.get(path, null), 401, "https://evently.dev/problems/unauthorized");
        ProblemsIT.assertProblem(Auth.get(path, buyer.token()), 403, "https://evently.dev/problems/forbidden");
        ProblemsIT.assertProblem(Auth.get("/api/admin/events/" + eventId + "/attendees.csv", buyer.token()), 403,
                "https://evently.dev/problems/forbidden");
        ProblemsIT.assertProblem(Auth.get("/api/admin/events/999999999999/bookings.csv", admin), 404,
                "https://evently.dev/problems/event-not-found");
        ProblemsIT.assertProblem(Auth.get("/api/admin/events/999999999999/attendees.csv", admin), 404,
                "https://evently.dev/problems/event-not-found");
    }

    /**
     * 100,000 paid bookings of one seat each, written straight into the database, consistent with SalesAudit's and
     * MoneyAudit's invariants (seats BOOKED by their CONFIRMED booking, a VALID ticket each, a SUCCEEDED payment of
     * the exact total) while they exist, and deleted at the end. The event stays a draft: nobody else sees it. Its
     * seats are written in SQL too: a layout of 100,000 through the API would take longer than a request may.
     */
    @Test
    void aHundredThousandRowExportStreamsInConstantMemory() throws Exception {
        long eventId = Catalog.create(admin, Catalog.newEvent(Catalog.uniqueName("Exported in bulk"), "Big Arena",
                Catalog.START, List.of(Catalog.section("Stand", 1, 1, 1000)))).path("id").asLong();
        Tokens.Account buyer = Tokens.newUsers(1).get(0);
        try {
            insertPaidBookings(eventId, buyer.id());
            Map<String, Object> ids = Database.row(
                    "select min(id) as first, max(id) as last, count(*) as n from bookings where event_id = ?",
                    eventId);
            assertThat(((Number) ids.get("n")).longValue()).isEqualTo(ROWS);

            long before = Server.heapAfterGc();
            Download bookings = download("/api/admin/events/" + eventId + "/bookings.csv", 1_000);
            long after = Server.heapAfterGc();
            System.out.printf("export of %d bookings: heap after GC %d MiB before, %d MiB mid-way, %d MiB after%n",
                    ROWS, before / MIB, bookings.heapMidway() / MIB, after / MIB);

            assertThat(bookings.lines()).as("the header and one line per booking").isEqualTo(ROWS + 1);
            assertThat(bookings.first()).isEqualTo(BOOKINGS_HEADER);
            assertThat(bookings.second())
                    .startsWith("\"" + ids.get("first") + "\",\"CONFIRMED\",\"" + buyer.email() + "\"");
            assertThat(bookings.last()).startsWith("\"" + ids.get("last") + "\",\"CONFIRMED\",");
            assertThat(bookings.contentLength()).as("streamed (chunked), so no Content-Length").isEmpty();
            assertThat(bookings.heapMidway() - before).as("heap growth mid-way through the download")
                    .isLessThan(24 * MIB);
            assertThat(after - before).as("heap growth after the download").isLessThan(24 * MIB);

            Download attendees = download("/api/admin/events/" + eventId + "/attendees.csv", 0);
            assertThat(attendees.lines()).as("the header and one line per ticket").isEqualTo(ROWS + 1);
            assertThat(attendees.first()).isEqualTo(ATTENDEES_HEADER);
            assertThat(attendees.contentLength()).isEmpty();
        } finally {
            deleteBulk(eventId);
        }
        assertThat(Database.count("select count(*) from bookings where event_id = ?", eventId)).isZero();
    }

    /**
     * A CONFIRMED booking, its seat, payment and ticket, {@link #ROWS} times. The bookings come first, so that each
     * seat is written with its booking and every statement reads what it builds on in one pass (pairing seats with
     * bookings afterwards made PostgreSQL join 100,000 rows to 100,000 one by one).
     */
    private static void insertPaidBookings(long eventId, long userId) {
        Database.update("""
                insert into bookings (user_id, event_id, status, total_cents, expires_at, payment_reference)
                select ?, ?, 'CONFIRMED', 1000, now(), 'export-it-' || n
                from generate_series(0, ?) n""", userId, eventId, ROWS - 1);
        Database.update("""
                insert into seats (event_id, section, row_label, number, label, price_cents, status, booking_id)
                select b.event_id, 'Bulk', 'R' || (b.n / 500), b.n % 500 + 1,
                       'Bulk R' || (b.n / 500) || '-' || (b.n % 500 + 1), 1000, 'BOOKED', b.id
                from (select id, event_id, row_number() over (order by id) - 1 as n
                      from bookings where event_id = ?) b""", eventId);
        Database.update("""
                insert into booking_seats (booking_id, seat_id)
                select booking_id, id from seats where event_id = ? and section = 'Bulk'""", eventId);
        Database.update("""
                insert into tickets (booking_id, seat_id, code, status)
                select booking_id, id, 'export-it-' || gen_random_uuid(), 'VALID'
                from seats where event_id = ? and section = 'Bulk'""", eventId);
        Database.update("""
                insert into payments (booking_id, method, status, amount_cents, currency, provider_reference, completed_at)
                select id, 'PROVIDER', 'SUCCEEDED', total_cents, currency, payment_reference, now()
                from bookings where event_id = ?""", eventId);
        // as after any bulk load: without fresh statistics PostgreSQL plans for the few rows it last counted
        Database.update("analyze bookings, seats, booking_seats, tickets, payments");
    }

    /**
     * Takes the bookings and all that hangs on them out again, children first, and frees their seats. The seats stay,
     * available, on the draft nobody sees: deleting them would make PostgreSQL look for tickets of each one, and
     * tickets have no index on their seat beyond the live ones (a full scan of tickets per seat).
     */
    private static void deleteBulk(long eventId) {
        String ofEvent = "booking_id in (select id from bookings where event_id = ?)";
        Database.update("delete from refunds where " + ofEvent, eventId);
        Database.update("delete from tickets where " + ofEvent, eventId);
        Database.update("delete from payments where " + ofEvent, eventId);
        Database.update("delete from booking_seats where " + ofEvent, eventId);
        Database.update("update seats set status = 'AVAILABLE', booking_id = null where event_id = ?", eventId);
        Database.update("delete from bookings where event_id = ?", eventId);
    }

    /** What a download was: its line count, first, second and last lines, and the heap measured on the way. */
    private record Download(long lines, String first, String second, String last, long heapMidway,
                            Optional<String> contentLength) {
    }

    /**
     * Downloads as the admin, reading line by line and keeping none; after {@code pauseAfter} lines (0: never), while
     * the server is still writing, measures its heap after a collection.
     */
    private static Download download(String path, long pauseAfter) throws Exception {
        HttpRequest request = Stack.fromSomewhere(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(60)).GET().build());
        HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long lines = 0;
        long heapMidway = -1;
        String first = null;
        String second = null;
        String last = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (lines == 1) {
                    first = line;
                } else if (lines == 2) {
                    second = line;
                }
                last = line;
                if (lines == pauseAfter) {
                    heapMidway = Server.heapAfterGc();
                }
            }
        }
        return new Download(lines, first, second, last, heapMidway, response.headers().firstValue("Content-Length"));
    }

    /** The cells of one CSV line as the exports write them (every cell quoted, quotes doubled). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        Matcher cell = CELL.matcher(line);
        while (cell.find()) {
            cells.add(cell.group(1).replace("\"\"", "\""));
        }
        return cells;
    }

    private static String units(long cents) {
        return cents / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", cents % 100);
    }
}
