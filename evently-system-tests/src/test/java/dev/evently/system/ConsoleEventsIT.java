package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's event editor in a real browser, as an admin uses it: a new event laid out in two sections,
 * looked at in the preview, saved and published, then on sale through the API; a layout change refused once a
 * seat is sold; and a change made meanwhile through the API not overwritten by a stale page.
 */
class ConsoleEventsIT {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void anAdminLaysOutPreviewsSavesAndPublishesANewEvent() throws Exception {
        String name = Catalog.uniqueName("Console editor");
        // typed in the console's zone, whichever it is: forty days ahead is in the future in every zone, and an
        // evening is never split by a change of clocks
        LocalDateTime start = LocalDate.now(ZoneOffset.UTC).plusDays(40).atTime(19, 0);

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.find(By.id("events:newEvent")).click();
            browser.find(By.id("event:name")).sendKeys(name);
            assertThat(browser.url()).contains("/console/event.xhtml");
            browser.find(By.id("event:venue")).sendKeys("Console Hall");
            browser.find(By.id("event:start_input")).sendKeys(TYPED.format(start));
            browser.find(By.id("event:end_input")).sendKeys(TYPED.format(start.plusHours(3)));
            browser.find(By.id("event:description")).sendKeys("Made in the console");

            section(browser, 0, "Stalls", "2", "5", "40.00");
            browser.find(By.id("event:addSection")).click();
            section(browser, 1, "Circle", "1", "4", "25.00");

            browser.find(By.id("event:showPreview")).click();
            WebElement preview = browser.findWithText(By.id("event:preview"), "14 seats");
            assertThat(preview.getText()).contains("Stalls").contains("Circle").contains("40.00").contains("25.00")
                    .contains("2 × 5 = 10 seats").contains("1 × 4 = 4 seats");
            assertThat(browser.find(By.id("event:preview")).findElements(By.className("editor-seat"))).hasSize(14);
            assertThat(Database.count("select count(*) from events where name = ?", name)).as("nothing saved yet")
                    .isZero();
            browser.screenshot("console-event-preview");

            browser.find(By.id("event:save")).click();
            Stack.await("the new event opened by its id", Duration.ofSeconds(15), browser::url,
                    url -> url.contains("event.xhtml?id="));
            browser.findWithText(By.id("status"), "Draft");
            long id = ((Number) Database.row("select id from events where name = ?", name).get("id")).longValue();
            assertThat(browser.url()).containsPattern("[?&]id=" + id + "(&|$)");

            browser.find(By.id("event:publish")).click();
            browser.findWithText(By.id("status"), "Published");
            browser.findWithText(By.id("event:messages"), "Published");
            browser.screenshot("console-event-published");

            Map<String, Object> event = Database.row("select status, total_capacity from events where id = ?", id);
            assertThat(event.get("status")).isEqualTo("PUBLISHED");
            assertThat(((Number) event.get("total_capacity")).intValue()).isEqualTo(14);
            assertThat(Database.count("select count(*) from seats where event_id = ?", id)).isEqualTo(14);
            assertThat(Database.count("select count(*) from seats where event_id = ? and section = 'Stalls'"
                    + " and price_cents = 4000 and status = 'AVAILABLE'", id)).isEqualTo(10);
            assertThat(Database.count("select count(*) from seats where event_id = ? and section = 'Stalls'"
                    + " and row_label = 'B'", id)).isEqualTo(5);
            assertThat(Database.count("select count(*) from seats where event_id = ? and section = 'Circle'"
                    + " and price_cents = 2500", id)).isEqualTo(4);
            assertThat(Database.count("select count(*) from events where id = ? and start_time > now()"
                    + " and end_time = start_time + interval '3 hours'", id)).isEqualTo(1);

            HttpResponse<String> onSale = Stack.await("the event on sale through the API", Duration.ofSeconds(15),
                    () -> Stack.get("/api/events/" + id), response -> response.statusCode() == 200
                            && Stack.json(response).path("status").asText().equals("PUBLISHED"));
            JsonNode details = Stack.json(onSale);
            assertThat(details.path("name").asText()).isEqualTo(name);
            assertThat(details.path("venue").asText()).isEqualTo("Console Hall");
            assertThat(details.path("totalCapacity").asInt()).isEqualTo(14);
            assertThat(details.path("availableSeats").asLong()).isEqualTo(14);
            assertThat(details.path("minPriceCents").asLong()).isEqualTo(2500);
            assertThat(Catalog.seatIds(id)).hasSize(14);

            assertThat(Database.count("select count(*) from audit_log where subject = ? and actor_email = ?"
                    + " and action in ('event.created', 'event.published')", "event " + id, Auth.adminEmail()))
                    .as("both on the audit log").isEqualTo(2);
            assertThat(Database.count("select count(*) from audit_log where subject = ? and action = 'event.created'"
                    + " and after ->> 'layout' = 'Stalls 2×5 at 40.00; Circle 1×4 at 25.00'", "event " + id))
                    .isEqualTo(1);
        }
    }

    @Test
    void aLayoutChangeIsRefusedOnceASeatIsSold() throws Exception {
        String admin = Tokens.admin();
        long id = Catalog.published(admin, Catalog.uniqueName("Console sold")).path("id").asLong();
        Tokens.Account buyer = Tokens.newUsers(1).get(0);
        long booking = WaitlistIT.hold(buyer, id, List.of(Catalog.seatIds(id).get(0)));
        Provider.pay(buyer.token(), booking);
        List<Object> seatsBefore = seatIds(id);
        long versionBefore = version(id);

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.go(ConsoleIT.CONSOLE + "event.xhtml?id=" + id);
            assertThat(browser.find(By.id("event:sections:0:sectionName")).getAttribute("value")).isEqualTo("Floor");
            assertThat(browser.find(By.id("event:sections:0:rows")).getAttribute("value")).isEqualTo("2");
            assertThat(browser.find(By.id("event:sections:1:price")).getAttribute("value")).isEqualTo("20.00");
            browser.findWithText(By.id("taken"), "1 sold");
            assertThat(browser.find(By.id("event:layoutLocked")).getText()).contains("already sold or held");

            WebElement rows = browser.find(By.id("event:sections:0:rows"));
            rows.clear();
            rows.sendKeys("3");
            browser.find(By.id("event:save")).click();

            WebElement refused = browser.findWithText(By.id("event:messages"),
                    "Seats of this event are already sold or held: its layout can no longer change");
            assertThat(refused.getText()).doesNotContainIgnoringCase("exception").doesNotContain("seats-sold");
            browser.screenshot("console-event-layout-refused");
        }
        assertThat(seatIds(id)).as("the seat map unchanged").isEqualTo(seatsBefore);
        assertThat(Database.count("select count(*) from seats where event_id = ? and status = 'BOOKED'", id))
                .isEqualTo(1);
        assertThat(Database.count("select total_capacity from events where id = ?", id)).isEqualTo(8);
        assertThat(version(id)).isEqualTo(versionBefore);
        assertThat(Database.count("select count(*) from audit_log where subject = ? and action = 'event.updated'",
                "event " + id)).as("nothing changed, nothing recorded").isZero();
    }

    @Test
    void aPageOpenedBeforeAnotherChangeCannotOverwriteIt() throws Exception {
        String admin = Tokens.admin();
        String name = Catalog.uniqueName("Console stale");
        JsonNode event = Catalog.create(admin, Catalog.newEvent(name, "Small Room", Catalog.START,
                List.of(Catalog.section("Row", 1, 4, 3000))));
        long id = event.path("id").asLong();

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.go(ConsoleIT.CONSOLE + "event.xhtml?id=" + id);
            assertThat(browser.find(By.id("event:name")).getAttribute("value")).isEqualTo(name);

            HttpResponse<String> meanwhile = Auth.put("/api/admin/events/" + id, admin,
                    AdminEventsIT.changeOf(event, name + " elsewhere", event.path("version").asLong()));
            assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);

            WebElement field = browser.find(By.id("event:name"));
            field.clear();
            field.sendKeys(name + " in the console");
            browser.find(By.id("event:save")).click();

            browser.findWithText(By.id("event:messages"), "Someone changed this event since you opened it");
            browser.screenshot("console-event-stale");
        }
        assertThat(Database.row("select name from events where id = ?", id).get("name"))
                .isEqualTo(name + " elsewhere");
        assertThat(version(id)).isEqualTo(event.path("version").asLong() + 1);
    }

    /** Types a section into the layout editor's row {@code index}. */
    private static void section(Browser browser, int index, String name, String rows, String seatsPerRow,
                                String price) {
        String row = "event:sections:" + index + ":";
        browser.find(By.id(row + "sectionName")).sendKeys(name);
        browser.find(By.id(row + "rows")).sendKeys(rows);
        browser.find(By.id(row + "seatsPerRow")).sendKeys(seatsPerRow);
        browser.find(By.id(row + "price")).sendKeys(price);
    }

    private static List<Object> seatIds(long eventId) {
        return Database.rows("select id from seats where event_id = ? order by id", eventId).stream()
                .map(row -> row.get("id")).toList();
    }

    private static long version(long eventId) {
        return Database.count("select version from events where id = ?", eventId);
    }
}
