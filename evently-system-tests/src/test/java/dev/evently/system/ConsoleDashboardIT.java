package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The admins' sales dashboard in a real browser: a booking made through the REST API shows on its event's
 * dashboard within two seconds of the API's answer (the page reads the tables every second, not the analytics
 * figures that come through the broker), seat by seat in its section; the overall dashboard lists the event with
 * the same figures; and a box office account is refused the page.
 */
class ConsoleDashboardIT {

    /** The promise: what the API answered is on the dashboard this soon. */
    private static final Duration LIVE = Duration.ofSeconds(2);

    @Test
    void aBookingMadeThroughTheApiAppearsOnTheDashboardWithinTwoSeconds() throws Exception {
        String name = Catalog.uniqueName("Console dashboard");
        // 2×3 Floor at 45.00 and 1×2 Balcony at 20.00; the first seat is Floor A-1
        long eventId = Catalog.published(Tokens.admin(), name).path("id").asLong();
        long seat = Catalog.seatIds(eventId).get(0);
        Tokens.Account buyer = Tokens.newUsers(1).get(0);

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));

            browser.go(ConsoleIT.CONSOLE + "dashboard.xhtml?event=" + eventId);
            browser.findWithText(By.id("eventName"), name);
            assertThat(text(browser, "dashboard:sold")).isEqualTo("0");
            assertThat(text(browser, "dashboard:held")).isEqualTo("0");
            assertThat(text(browser, "dashboard:available")).isEqualTo("8");
            assertThat(text(browser, "dashboard:capacity")).isEqualTo("8");
            assertThat(browser.find(By.id("dashboard:noSales")).getText()).isEqualTo("No sales yet");

            long booking = WaitlistIT.hold(buyer, eventId, List.of(seat));
            Stack.await("the hold on the dashboard", LIVE, () -> text(browser, "dashboard:held"), "1"::equals);
            assertThat(text(browser, "dashboard:pending")).isEqualTo("1");
            assertThat(text(browser, "dashboard:available")).isEqualTo("7");
            assertThat(text(browser, "dashboard:sold")).isEqualTo("0");

            JsonNode paid = Provider.pay(buyer.token(), booking);
            String revenue = "45.00 " + paid.path("currency").asText("EUR");
            Stack.await("the sale on the dashboard", LIVE,
                    () -> List.of(text(browser, "dashboard:sold"), text(browser, "dashboard:revenue")),
                    List.of("1", revenue)::equals);
            assertThat(text(browser, "dashboard:held")).isEqualTo("0");
            assertThat(text(browser, "dashboard:pending")).isEqualTo("0");
            assertThat(text(browser, "dashboard:available")).isEqualTo("7");
            assertThat(browser.pageSource()).doesNotContain("No sales yet");

            // section, sold, held, available, capacity
            List<List<String>> sections = Stack.await("the sale in its section", LIVE,
                    () -> rows(browser, "dashboard:sections"),
                    rows -> rows.contains(List.of("Floor", "1", "0", "5", "6")));
            assertThat(sections).containsExactly(List.of("Floor", "1", "0", "5", "6"),
                    List.of("Balcony", "0", "0", "2", "2"));
            browser.screenshot("console-dashboard");

            browser.go(ConsoleIT.CONSOLE + "dashboard.xhtml");
            browser.find(By.id("dashboard:search")).sendKeys(name + Keys.ENTER);
            List<String> row = Stack.await("the event on the overall dashboard", Duration.ofSeconds(15),
                    () -> rows(browser, "dashboard:events"),
                    rows -> rows.size() == 1 && rows.get(0).get(0).equals(name)).get(0);
            // event, starts, status, sold, capacity, revenue, held, waitlist
            assertThat(row.get(2)).isEqualToIgnoringCase("published");
            assertThat(row.subList(3, 8)).containsExactly("1", "8", revenue, "0", "0");
            // the poll replaces the cards every second: a read may meet one being replaced and find no text
            Stack.await("the totals counting the sale", Duration.ofSeconds(5), () -> text(browser, "dashboard:sold"),
                    sold -> sold.matches("[1-9][0-9]*"));
            browser.screenshot("console-dashboard-overall");

            browser.click(By.linkText(name)); // the table is redrawn every second
            browser.findWithText(By.id("eventName"), name);
            assertThat(browser.url()).endsWith("/console/dashboard.xhtml?event=" + eventId);
        }
    }

    @Test
    void theBoxOfficeIsRefusedTheDashboard() throws Exception {
        String boxOffice = ConsoleIT.staff("BOX_OFFICE");
        long eventId = Catalog.published(Tokens.admin(), Catalog.uniqueName("Console dashboard refused"))
                .path("id").asLong();

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, boxOffice);
            browser.find(By.id("events:table"));
            assertThat(browser.pageSource()).as("the menu offers no dashboard").doesNotContain("menuDashboard");

            browser.go(ConsoleIT.CONSOLE + "dashboard.xhtml?event=" + eventId);
            assertThat(browser.find(By.id("problem")).getText()).contains("You may not open this page");
            HttpResponse<String> direct = Stack.send(HttpRequest.newBuilder(
                            URI.create(ConsoleIT.CONSOLE + "dashboard.xhtml?event=" + eventId))
                    .header("Cookie", browser.cookieHeader()).GET());
            assertThat(direct.statusCode()).isEqualTo(403);
            assertThat(direct.body()).doesNotContain("dashboard:sold");
        }
    }

    /** An element's text as shown now; "" while an AJAX update replaces it. */
    private static String text(Browser browser, String id) {
        try {
            return browser.find(By.id(id)).getText().strip();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return "";
        }
    }

    /** A table's body rows as their cells' texts; none while an AJAX update replaces the table. */
    private static List<List<String>> rows(Browser browser, String tableId) {
        try {
            return browser.find(By.id(tableId)).findElements(By.cssSelector("tbody tr")).stream()
                    .map(row -> row.findElements(By.tagName("td")).stream()
                            .map(WebElement::getText).map(String::strip).toList())
                    .filter(cells -> cells.size() > 1)
                    .toList();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return List.of();
        }
    }
}
