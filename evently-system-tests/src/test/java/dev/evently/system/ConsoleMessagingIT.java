package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import dev.evently.system.Tokens.Account;

/**
 * The console's messaging and waitlist pages in a real browser: an admin finds a poison message among the dead
 * letters, reads its payload and sends it back to its queue (where it is consumed, and still poison, dead-lettered
 * anew), discards another for good, both on the audit log; the box office sees an event's waitlist in queue order;
 * the messaging page is the admins' alone.
 */
class ConsoleMessagingIT {

    /** A message no consumer can read goes to the DLQ at its first delivery. */
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(30);
    private static final Duration SHOWN = Duration.ofSeconds(15);

    @Test
    void anAdminRetriesOneDeadLetterAndDiscardsAnother() throws Exception {
        String retried = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"payment.paid\",\"data\":{\"console\":\"retry\"}}";
        String discarded = "not a payment, discard me " + UUID.randomUUID();
        Broker.sendText(Broker.PAYMENTS, retried);
        Broker.sendText(Broker.PAYMENTS, discarded);
        JsonNode letters = Stack.await("both poison messages in the DLQ", DEAD_LETTERED, PaymentsIT::deadLetters,
                found -> PaymentsIT.contains(found, retried) && PaymentsIT.contains(found, discarded));
        String retryId = PaymentsIT.find(letters, retried).path("messageId").asText();
        String discardId = PaymentsIT.find(letters, discarded).path("messageId").asText();

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.find(By.id("menuMessaging")).click();
            browser.find(By.id("messaging:letters"));
            assertThat(browser.url()).endsWith("/console/admin/messaging.xhtml");
            assertThat(browser.find(By.id("outboxPending")).getText()).matches("[0-9]+");
            assertThat(browser.find(By.id("mailsPending")).getText()).matches("[0-9]+");
            assertThat(Long.parseLong(browser.find(By.id("deadLetterCount")).getText())).isGreaterThanOrEqualTo(2);

            // the row names the message and its queue; its payload opens below it, laid out and escaped
            WebElement row = letterRow(browser, retryId);
            assertThat(ConsoleIT.cells(row)).contains(retryId, "evently.payments");
            row.findElement(By.cssSelector(".ui-row-toggler")).click();
            WebElement payload = browser.findWithText(By.cssSelector("pre.messaging-payload"), "\"console\": \"retry\"");
            assertThat(payload.getText()).contains("\"type\": \"payment.paid\"").contains("\n");
            browser.screenshot("console-messaging-payload");

            letterRow(browser, retryId).findElement(By.cssSelector("button[id$=':retry']")).click();
            browser.find(By.cssSelector("button.ui-confirmdialog-yes")).click();
            browser.findWithText(By.id("messaging:messages"), "Message sent back to its queue");
            Stack.await("the retried message gone from the table", SHOWN, () -> lettersText(browser),
                    text -> text != null && !text.contains(retryId));
            browser.screenshot("console-messaging");

            // back on its queue, consumed again and, still poison, dead-lettered anew under another id
            JsonNode again = Stack.await("the retried message dead-lettered again", DEAD_LETTERED,
                    PaymentsIT::deadLetters, found -> PaymentsIT.contains(found, retried)
                            && !PaymentsIT.find(found, retried).path("messageId").asText().equals(retryId));
            assertThat(again.path("messages").findValuesAsText("messageId")).doesNotContain(retryId);

            letterRow(browser, discardId).findElement(By.cssSelector("button[id$=':discard']")).click();
            browser.find(By.cssSelector("button.ui-confirmdialog-yes")).click();
            browser.findWithText(By.id("messaging:messages"), "Message discarded");
            Stack.await("the discarded message gone from the table", SHOWN, () -> lettersText(browser),
                    text -> text != null && !text.contains(discardId));
            browser.screenshot("console-messaging-discarded");
        }

        // gone for good: a poison message sent after it reaches the DLQ, and the discarded one never comes back
        String later = "not a payment, sent after the discard " + UUID.randomUUID();
        Broker.sendText(Broker.PAYMENTS, later);
        JsonNode after = Stack.await("the later poison message in the DLQ", DEAD_LETTERED, PaymentsIT::deadLetters,
                found -> PaymentsIT.contains(found, later));
        assertThat(PaymentsIT.contains(after, discarded)).as("the discarded message is not redelivered").isFalse();
        assertThat(after.path("messages").findValuesAsText("messageId")).doesNotContain(discardId);

        for (String[] action : List.of(new String[] {"message.replayed", retryId},
                new String[] {"message.discarded", discardId})) {
            assertThat(Database.count("""
                    select count(*) from audit_log where action = ? and subject = ? and actor_email = ?
                      and after ->> 'messageId' = ? and after ->> 'queue' = 'evently.payments'""",
                    action[0], "message " + action[1], Auth.adminEmail(), action[1]))
                    .as(action[0] + " on the audit log").isEqualTo(1);
        }
    }

    @Test
    void theBoxOfficeSeesAnEventsWaitlistInQueueOrder() throws Exception {
        String admin = Tokens.admin();
        String eventName = Catalog.uniqueName("Console waitlist");
        long event = Catalog.smallPublished(admin, eventName, 1);
        long quiet = Catalog.smallPublished(admin, Catalog.uniqueName("Console waitlist empty"), 1);
        List<Account> people = Tokens.newUsers(3);
        Account buyer = people.get(0);
        Account first = people.get(1);
        Account second = people.get(2);
        WaitlistIT.buy(buyer, event, Catalog.seatIds(event));  // sold out: now people may join
        for (Account fan : List.of(first, second)) {
            HttpResponse<String> joined = WaitlistIT.join(fan, event, fan == first ? 1 : 2);
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        }
        String boxOffice = ConsoleIT.staff("BOX_OFFICE");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, boxOffice);
            browser.find(By.id("events:table"));
            browser.go(ConsoleIT.CONSOLE + "waitlist.xhtml?event=" + event);

            WebElement table = browser.find(By.id("waitlist:entries"));
            assertThat(browser.find(By.id("eventName")).getText()).isEqualTo(eventName);
            List<List<String>> rows = table.findElements(By.cssSelector("tbody tr")).stream()
                    .map(ConsoleIT::cells).toList();
            assertThat(rows).hasSize(2);
            // position, customer (email and name), seats, joined, status
            assertThat(rows.get(0).get(0)).isEqualTo("1");
            assertThat(rows.get(0).get(1)).contains(first.email());
            assertThat(rows.get(0).get(2)).isEqualTo("1");
            assertThat(rows.get(0).get(4)).isEqualTo("waiting");
            assertThat(rows.get(1).get(0)).isEqualTo("2");
            assertThat(rows.get(1).get(1)).contains(second.email());
            assertThat(rows.get(1).get(2)).isEqualTo("2");
            assertThat(rows.get(1).get(4)).isEqualTo("waiting");
            assertThat(browser.find(By.id("counts")).getText()).contains("waiting: 2").contains("offered: 0");
            browser.screenshot("console-waitlist");

            browser.go(ConsoleIT.CONSOLE + "waitlist.xhtml?event=" + quiet);
            browser.findWithText(By.id("waitlist:entries"), "Nobody is waiting for this event");

            browser.go(ConsoleIT.CONSOLE + "waitlist.xhtml?event=not-a-number");
            browser.findWithText(By.id("noEvent"), "There is no such event");
        }
    }

    @Test
    void theMessagingPageIsRefusedToTheBoxOffice() throws Exception {
        String boxOffice = ConsoleIT.staff("BOX_OFFICE");

        try (Browser browser = Browser.open()) {
            ConsoleIT.signIn(browser, boxOffice);
            browser.find(By.id("events:table"));
            assertThat(browser.pageSource()).as("the menu offers no messaging").doesNotContain("menuMessaging");

            browser.go(ConsoleIT.CONSOLE + "admin/messaging.xhtml");

            assertThat(browser.find(By.id("problem")).getText()).contains("You may not open this page");
            HttpResponse<String> direct = Stack.send(HttpRequest.newBuilder(
                    URI.create(ConsoleIT.CONSOLE + "admin/messaging.xhtml")).header("Cookie", browser.cookieHeader()).GET());
            assertThat(direct.statusCode()).isEqualTo(403);
            assertThat(direct.body()).doesNotContain("messaging:letters");
        }
    }

    /** The dead letters table's row for a message, found by its id. */
    private static WebElement letterRow(Browser browser, String messageId) throws InterruptedException {
        return Stack.await("a row for " + messageId, SHOWN, () -> {
            try {
                return browser.find(By.id("messaging:letters")).findElements(By.cssSelector("tbody tr")).stream()
                        .filter(row -> row.getText().contains(messageId))
                        .findFirst().orElse(null);
            } catch (StaleElementReferenceException e) {
                return null;
            }
        }, row -> row != null);
    }

    /** The dead letters table's text; null while an AJAX update replaces it. */
    private static String lettersText(Browser browser) {
        try {
            return browser.find(By.id("messaging:letters")).getText();
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }
}
