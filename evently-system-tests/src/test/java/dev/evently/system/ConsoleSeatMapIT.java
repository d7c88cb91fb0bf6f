package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's seat map in a real browser: a seat a buyer holds through the API turns held on the map within two
 * seconds, and sold within two seconds of being paid, with its booking a click away; the box office sells two seats
 * to a customer's account for cash, which the database shows as a confirmed booking with its tickets and payment;
 * and the door staff are refused the page.
 */
class ConsoleSeatMapIT {

    /** The promise: a booking anywhere shows on the map this soon. */
    private static final Duration LIVE = Duration.ofSeconds(2);

    @Test
    void aBookingMadeThroughTheApiShowsOnTheMapWithinTwoSeconds() throws Exception {
        Catalog.Venue venue = Catalog.venue(Tokens.admin(), "Console seat map");
        long seat = venue.seats().get(0);
        Tokens.Account buyer = Tokens.newUsers(1).get(0);
        String boxOffice = ConsoleIT.staff("BOX_OFFICE");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, boxOffice);
            browser.find(By.id("events:table"));
            browser.go(ConsoleIT.CONSOLE + "seats.xhtml?event=" + venue.eventId());
            assertThat(browser.find(By.id("seat-" + seat)).getAttribute("data-status")).isEqualTo("AVAILABLE");
            assertThat(browser.find(By.id("seat-" + seat)).getAttribute("aria-label")).contains("Floor A-1")
                    .contains("available");
            assertThat(browser.find(By.id("seats:legend")).getText()).contains("Available (8)");

            long booking = WaitlistIT.hold(buyer, venue.eventId(), List.of(seat));
            Stack.await("seat " + seat + " held on the map", LIVE, () -> status(browser, seat), "HELD"::equals);
            browser.screenshot("console-seat-map-held");

            Provider.pay(buyer.token(), booking);
            Stack.await("seat " + seat + " sold on the map", LIVE, () -> status(browser, seat), "SOLD"::equals);
            browser.screenshot("console-seat-map");

            browser.click(By.id("seat-" + seat));
            String detail = browser.findWithText(By.id("seats:detail"), "Booking " + booking).getText();
            assertThat(detail).contains("Floor A-1").contains(buyer.email()).contains("confirmed");
            assertThat(browser.find(By.id("seats:openBooking")).getAttribute("href"))
                    .contains("booking.xhtml").contains("id=" + booking);
            browser.screenshot("console-seat-map-booking");
        }
    }

    @Test
    void theBoxOfficeSellsTwoSeatsToACustomerForCash() throws Exception {
        Catalog.Venue venue = Catalog.venue(Tokens.admin(), "Console box office");
        // Floor A-3 and Floor B-1, 45.00 each
        long first = venue.seats().get(2);
        long second = venue.seats().get(3);
        Tokens.Account customer = Tokens.newUsers(1).get(0);
        String boxOffice = ConsoleIT.staff("BOX_OFFICE");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, boxOffice);
            browser.find(By.id("events:table"));
            browser.go(ConsoleIT.CONSOLE + "seats.xhtml?event=" + venue.eventId());

            select(browser, first);
            select(browser, second);
            browser.findWithText(By.id("selectedTotal"), "90.00");

            browser.find(By.id("seats:email")).sendKeys(customer.email());
            new Select(browser.find(By.id("seats:method"))).selectByValue("CASH");
            browser.find(By.id("seats:note")).sendKeys("paid at the window");
            browser.click(By.id("seats:sell"));

            String result = browser.findWithText(By.id("seats:result"), "Sold: booking").getText();
            assertThat(result).contains("90.00").contains("Floor A-3").contains("Floor B-1");
            for (long seat : List.of(first, second)) {
                Stack.await("seat " + seat + " sold on the map", LIVE, () -> status(browser, seat), "SOLD"::equals);
            }
            browser.screenshot("console-box-office");
        }

        Map<String, Object> booking = Database.row("""
                select id, total_cents from bookings where user_id = ? and event_id = ? and status = 'CONFIRMED'""",
                customer.id(), venue.eventId());
        long bookingId = ((Number) booking.get("id")).longValue();
        assertThat(((Number) booking.get("total_cents")).longValue()).isEqualTo(9000);
        assertThat(Database.count("select count(*) from bookings where user_id = ? and event_id = ?",
                customer.id(), venue.eventId())).as("one booking, however the button was clicked").isEqualTo(1);
        assertThat(Database.count("select count(*) from tickets where booking_id = ? and status = 'VALID'", bookingId))
                .isEqualTo(2);
        assertThat(Database.count("""
                select count(*) from payments where booking_id = ? and method = 'CASH' and status = 'SUCCEEDED'
                  and amount_cents = 9000 and recorded_by = (select id from users where email = ?)""",
                bookingId, boxOffice)).isEqualTo(1);
        assertThat(Database.count("""
                select count(*) from audit_log where action = 'booking.sold-at-box-office' and subject = ?
                  and actor_email = ? and after ->> 'method' = 'CASH' and after ->> 'customer' = ?""",
                "booking " + bookingId, boxOffice, customer.email())).isEqualTo(1);
    }

    @Test
    void theDoorMayNotOpenTheSeatMap() throws Exception {
        long eventId = Catalog.published(Tokens.admin(), Catalog.uniqueName("Console seat map door")).path("id").asLong();
        String door = ConsoleIT.staff("DOOR");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, door);
            browser.find(By.id("door:code"));
            browser.go(ConsoleIT.CONSOLE + "seats.xhtml?event=" + eventId);
            assertThat(browser.find(By.id("problem")).getText()).contains("You may not open this page");
            assertThat(browser.pageSource()).as("no seat map").doesNotContain("data-seat");
        }
    }

    /** Clicks an available seat and waits until the map shows it selected. */
    private static void select(Browser browser, long seat) throws InterruptedException {
        browser.click(By.id("seat-" + seat));
        Stack.await("seat " + seat + " selected", Duration.ofSeconds(5), () -> selected(browser, seat), "true"::equals);
    }

    /** The seat's status as the map shows it; "" while an update replaces the map. */
    private static String status(Browser browser, long seat) {
        return attribute(browser, seat, "data-status");
    }

    private static String selected(Browser browser, long seat) {
        return attribute(browser, seat, "data-selected");
    }

    private static String attribute(Browser browser, long seat, String name) {
        try {
            return browser.find(By.id("seat-" + seat)).getAttribute(name);
        } catch (StaleElementReferenceException | NoSuchElementException | TimeoutException e) {
            return "";
        }
    }
}
