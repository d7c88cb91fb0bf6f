package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's bookings pages in a real browser: an admin finds a paid booking by its buyer's email, reads its
 * timeline and refunds it (the refund completes through the payment simulator); the same booking found by its
 * ticket code and its seat, and the list downloaded as CSV; the box office, who may not refund, sends the tickets
 * again. Each test buys its own seat of its own fresh event.
 */
class ConsoleBookingsIT {

    private static final String CSV_HEADER =
            "\"booking\",\"event\",\"customer email\",\"customer name\",\"status\",\"seats\",\"amount\",\"currency\","
                    + "\"created\",\"paid\"";
    private static final Duration MAIL = Duration.ofSeconds(60);

    /** A buyer's paid booking of one seat (Floor A-1) of a fresh published event. */
    private record Bought(Tokens.Account buyer, long eventId, String eventName, long booking, String code) {

        static Bought one(String prefix) throws InterruptedException {
            String eventName = Catalog.uniqueName(prefix);
            long eventId = Catalog.published(Tokens.admin(), eventName).path("id").asLong();
            Tokens.Account buyer = Tokens.newUsers(1).get(0);
            long booking = WaitlistIT.hold(buyer, eventId, List.of(Catalog.seatIds(eventId).get(0)));
            String code = Provider.pay(buyer.token(), booking).path("tickets").get(0).path("code").asText();
            return new Bought(buyer, eventId, eventName, booking, code);
        }
    }

    @Test
    void anAdminFindsABookingByEmailAndRefundsIt() throws Exception {
        Bought bought = Bought.one("Console bookings refund");
        String page = ConsoleIT.CONSOLE + "booking.xhtml?id=" + bought.booking();

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.find(By.id("menuBookings")).click();
            browser.find(By.id("bookings:q")).sendKeys(bought.buyer().email().toUpperCase() + Keys.ENTER);

            WebElement table = browser.findWithText(By.id("bookings:table"), bought.buyer().email());
            List<String> row = cells(rowOf(table, bought.buyer().email()));
            assertThat(row.get(0)).isEqualTo(String.valueOf(bought.booking()));
            assertThat(row.get(1)).isEqualTo(bought.eventName());
            assertThat(row.get(3)).isEqualTo("Confirmed");
            assertThat(row.get(4)).isEqualTo("Floor A-1");
            assertThat(row.get(7)).as("paid").isNotBlank();
            browser.screenshot("console-bookings");

            table.findElement(By.linkText(String.valueOf(bought.booking()))).click();
            assertThat(browser.findWithText(By.id("booking:status"), "Confirmed").getText()).isEqualTo("Confirmed");
            assertThat(browser.url()).contains("/console/booking.xhtml?id=" + bought.booking());
            assertThat(browser.find(By.id("customer")).getText()).contains(bought.buyer().email());
            assertThat(browser.find(By.id("booking:tickets")).getText()).as("staff see the whole code")
                    .contains(bought.code());
            String timeline = browser.find(By.id("timeline")).getText();
            assertThat(timeline).contains("Held").contains("Checkout opened").contains("Paid").contains("Confirmed");
            // the tickets mail: queued as the outbox publishes the confirmation, then sent by the mail queue
            String sentOrQueued = Mailbox.available() ? "Email sent" : "Email queued";
            Stack.await("the tickets mail on the timeline", MAIL, () -> {
                browser.go(page);
                return browser.find(By.id("timeline")).getText();
            }, text -> text.contains(sentOrQueued) && text.contains("Your booking " + bought.booking() + " is confirmed"));

            browser.find(By.id("booking:refund")).click();
            browser.find(By.id("booking:refundYes")).click();
            browser.findWithText(By.id("booking:messages"), "its money is being refunded");
            assertThat(browser.find(By.id("booking:status")).getText()).isIn("Refund pending", "Refunded");

            // the payment simulator confirms the refund by its webhook, after the provider was asked
            Provider.awaitStatus(bought.buyer().token(), bought.booking(), Set.of("REFUNDED"));
            browser.go(page);
            assertThat(browser.findWithText(By.id("booking:status"), "Refunded").getText()).isEqualTo("Refunded");
            assertThat(browser.find(By.id("timeline")).getText()).contains("Cancelled, money owed back")
                    .contains("Refund requested").contains("Refunded").contains("Console: booking.refunded");
            assertThat(browser.find(By.id("booking:refunds")).getText()).containsIgnoringCase("succeeded");
            assertThat(browser.pageSource()).as("nothing left to refund").doesNotContain("id=\"booking:refund\"");
            browser.screenshot("console-booking");
        }
        assertThat(Database.count("select count(*) from refunds where booking_id = ? and status = 'SUCCEEDED'",
                bought.booking())).isEqualTo(1);
        assertThat(Database.count("""
                select count(*) from audit_log where action = 'booking.refunded' and subject = ?
                  and before ->> 'status' = 'CONFIRMED' and after ->> 'status' = 'REFUND_PENDING'
                  and actor_email = ?""", "booking " + bought.booking(), Auth.adminEmail()))
                .as("the refund on the audit log").isEqualTo(1);
    }

    @Test
    void aBookingIsFoundByTicketCodeAndSeatAndItsListExportsAsCsv() throws Exception {
        Bought bought = Bought.one("Console bookings search");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.go(ConsoleIT.CONSOLE + "bookings.xhtml");

            browser.find(By.id("bookings:q")).sendKeys(bought.code() + Keys.ENTER);
            WebElement byCode = browser.findWithText(By.id("bookings:table"), bought.buyer().email());
            assertThat(rows(byCode)).hasSize(1);
            assertThat(cells(rows(byCode).get(0)).get(0)).isEqualTo(String.valueOf(bought.booking()));
            assertThat(byCode.getText()).as("lists show no ticket codes").doesNotContain(bought.code());

            // the seat, narrowed to the event, as the page's address (every test event has a Floor A-1)
            browser.go(ConsoleIT.CONSOLE + "bookings.xhtml?q=" + URLEncoder.encode("floor a-1", StandardCharsets.UTF_8)
                    + "&event=" + bought.eventId());
            WebElement bySeat = browser.findWithText(By.id("bookings:table"), bought.buyer().email());
            assertThat(rows(bySeat)).hasSize(1);
            assertThat(cells(rows(bySeat).get(0)).get(4)).isEqualTo("Floor A-1");
            browser.screenshot("console-bookings-seat");

            String export = browser.find(By.id("export")).getAttribute("href");
            assertThat(export).contains("format=csv").contains("event=" + bought.eventId());
            HttpResponse<String> csv = Stack.send(HttpRequest.newBuilder(URI.create(export))
                    .header("Cookie", browser.cookieHeader()).GET());
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/csv"));
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    disposition -> assertThat(disposition).startsWith("attachment"));
            List<String> lines = List.of(csv.body().split("\r\n"));
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo(CSV_HEADER);
            assertThat(lines.get(1)).startsWith("\"" + bought.booking() + "\",\"" + bought.eventName() + "\",\""
                    + bought.buyer().email() + "\",\"Shopper 1\",\"CONFIRMED\",\"Floor A-1\",\"");

            HttpResponse<String> stranger = Stack.send(HttpRequest.newBuilder(URI.create(export)).GET());
            assertThat(stranger.statusCode()).as("no export without signing in").isEqualTo(302);
        }
        assertThat(Database.count("select count(*) from audit_log where action = 'bookings.exported' and actor_email = ?"
                + " and after ->> 'search' = 'floor a-1'", Auth.adminEmail())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theBoxOfficeCannotRefundButSendsTheTicketsAgain() throws Exception {
        assumeTrue(Mailbox.available(), "no mail API (evently.mail-api-url): the stack uses a configured SMTP server");
        Bought bought = Bought.one("Console bookings resend");
        String tickets = "Your booking " + bought.booking() + " is confirmed";
        // the first tickets mail has gone out: while it waits, a second one is refused
        Mailbox.await(bought.buyer().email(), tickets, MAIL);
        String boxOffice = ConsoleIT.staff("BOX_OFFICE");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, boxOffice);
            browser.find(By.id("events:table"));
            browser.find(By.id("menuBookings")).click();
            browser.find(By.id("bookings:q")).sendKeys(bought.booking() + "" + Keys.ENTER);
            WebElement table = browser.findWithText(By.id("bookings:table"), bought.buyer().email());
            table.findElement(By.linkText(String.valueOf(bought.booking()))).click();
            browser.findWithText(By.id("booking:status"), "Confirmed");

            browser.find(By.id("booking:resend"));
            assertThat(browser.pageSource()).as("no refund for the box office")
                    .doesNotContain("id=\"booking:refund\"").doesNotContain("booking:refundYes")
                    .as("a paid booking is not cancelled without its refund").doesNotContain("id=\"booking:cancel\"");

            browser.find(By.id("booking:resend")).click();
            browser.find(By.id("booking:resendYes")).click();
            browser.findWithText(By.id("booking:messages"), "The tickets are on their way to "
                    + bought.buyer().email() + " again");
            browser.screenshot("console-booking-resent");
        }
        Mailbox.awaitInbox(bought.buyer().email(), MAIL,
                mails -> mails.stream().filter(mail -> mail.subject().contains(tickets)).count() == 2,
                "a second tickets mail");
        assertThat(Database.count("""
                select count(*) from audit_log where action = 'booking.tickets-resent' and subject = ?
                  and actor_email = ?""", "booking " + bought.booking(), boxOffice)).isEqualTo(1);
        assertThat(Database.row("select status from bookings where id = ?", bought.booking()).get("status"))
                .isEqualTo("CONFIRMED");
    }

    private static List<WebElement> rows(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr"));
    }

    private static WebElement rowOf(WebElement table, String text) {
        return rows(table).stream().filter(row -> row.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in: " + table.getText()));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(cell -> cell.getText().strip()).toList();
    }
}
