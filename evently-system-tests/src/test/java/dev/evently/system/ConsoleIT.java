package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff console in a real browser, as staff use it: signing in by role, the door's answers with the event's
 * count, what the door did found in the admins' audit log, a page refused to a role, the events list, and nothing
 * without signing in. Staff accounts are registered through the API (so they have real password hashes) and given
 * their role by the first admin; the admin's own tests sign in with the first admin's credentials, since the stack
 * keeps exactly one admin.
 */
class ConsoleIT {

    static final String CONSOLE = Stack.BASE_URL + "/console/";

    @Test
    void theDoorAdmitsAConfirmedTicketOnceAndRefusesAForgedOne() throws Exception {
        String admin = Tokens.admin();
        String eventName = Catalog.uniqueName("Console door");
        long eventId = Catalog.published(admin, eventName).path("id").asLong();
        Tokens.Account buyer = Tokens.newUsers(1).get(0);
        long booking = WaitlistIT.hold(buyer, eventId, List.of(Catalog.seatIds(eventId).get(0)));
        String code = Provider.pay(buyer.token(), booking).path("tickets").get(0).path("code").asText();
        String door = staff("DOOR");

        try (Browser browser = Browser.open()) {
            browser.phone();
            signIn(browser, door);
            browser.find(By.id("door:code"));
            assertThat(browser.url()).endsWith("/console/door.xhtml");
            assertThat(browser.find(By.id("who")).getText()).contains("DOOR Tester").contains("Door");
            browser.screenshot("console-door");

            // the event has one ticket (one seat bought of eight): the count is of valid tickets, not of seats
            WebElement admitted = checkIn(browser, code, "Admitted");
            assertThat(admitted.getAttribute("class")).contains("door-answer-admitted");
            assertThat(admitted.getText()).contains(eventName).contains("Floor A-1");
            assertThat(browser.find(By.id("door:counts")).getText()).isEqualTo("Checked in 1 of 1");
            browser.screenshot("console-door-admitted");

            WebElement again = checkIn(browser, code, "Already checked in");
            assertThat(again.getAttribute("class")).contains("door-answer-refused");
            assertThat(browser.find(By.id("door:counts")).getText()).isEqualTo("Checked in 1 of 1");
            browser.screenshot("console-door-already-checked-in");

            WebElement refused = checkIn(browser, forged(code), "Not a genuine ticket");
            assertThat(refused.getAttribute("class")).contains("door-answer-refused");
            assertThat(refused.getText()).doesNotContainIgnoringCase("exception");
            assertThat(refused.getText()).as("no ticket, no event to count").doesNotContain("Checked in");
            browser.screenshot("console-door-forged");
        }
        assertThat(Database.count("select count(*) from tickets where code = ? and checked_in_at is not null", code))
                .isEqualTo(1);

        try (Browser browser = Browser.open()) {
            signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.find(By.id("menuAudit")).click();
            browser.find(By.id("audit:table"));
            assertThat(browser.url()).endsWith("/console/admin/audit.xhtml");

            browser.find(By.id("audit:search")).sendKeys(door + Keys.ENTER);

            // sign-in, admission, two refusals: all by the door account, and only its entries once the search is in
            List<List<String>> rows = Stack.await("the door account's entries in the audit log", Duration.ofSeconds(15),
                    () -> auditRows(browser), found -> found.size() >= 4
                            && found.stream().allMatch(cells -> cells.get(1).equals(door)));
            assertThat(rows).extracting(cells -> cells.get(2))
                    .contains("console.signed-in", "ticket.checked-in", "ticket.check-in-refused");
            assertThat(rows).filteredOn(cells -> cells.get(2).equals("ticket.check-in-refused")).hasSize(2);
            List<String> admission = rows.stream().filter(cells -> cells.get(2).equals("ticket.checked-in"))
                    .findFirst().orElseThrow();
            assertThat(admission.get(3)).startsWith("ticket ");
            assertThat(admission.get(5)).contains(eventName).contains("Floor A-1");
            assertThat(browser.find(By.id("audit:table")).getText()).as("never a whole ticket code")
                    .doesNotContain(code).doesNotContain(forged(code));
            browser.screenshot("console-audit");

            browser.searchAgain("audit", "nothing like this " + UUID.randomUUID());
            browser.findWithText(By.id("audit:table"), "Nothing matches");
        }
    }

    @Test
    void aPageNotForTheRoleIsRefusedWithTheConsoles403Page() throws Exception {
        String door = staff("DOOR");

        try (Browser browser = Browser.open()) {
            signIn(browser, door);
            browser.find(By.id("door:code"));
            assertThat(browser.pageSource()).as("the menu offers no events").doesNotContain("menuEvents");
            assertThat(browser.pageSource()).as("the menu offers no audit log").doesNotContain("menuAudit");

            browser.go(CONSOLE + "events.xhtml");

            assertThat(browser.find(By.id("problem")).getText()).contains("You may not open this page");
            assertThat(browser.title()).contains("Not for your role");
            browser.screenshot("console-403");
            HttpResponse<String> direct = Stack.send(HttpRequest.newBuilder(URI.create(CONSOLE + "events.xhtml"))
                    .header("Cookie", browser.cookieHeader()).GET());
            assertThat(direct.statusCode()).isEqualTo(403);
            // no stack trace (the page's script names exception types it maps to error pages, and may)
            assertThat(direct.body()).contains("You may not open this page").doesNotContain("Caused by", ".java:");

            browser.go(CONSOLE + "admin/audit.xhtml");
            assertThat(browser.find(By.id("problem")).getText()).contains("You may not open this page");
            HttpResponse<String> audit = Stack.send(HttpRequest.newBuilder(URI.create(CONSOLE + "admin/audit.xhtml"))
                    .header("Cookie", browser.cookieHeader()).GET());
            assertThat(audit.statusCode()).isEqualTo(403);
            assertThat(audit.body()).doesNotContain("audit:table");
        }
    }

    /**
     * Each role's pages, written out here rather than read from the console's rules: a page typed by hand that
     * the role may not open is refused with 403, the others open, and the menu offers exactly those it may open.
     */
    @Test
    void eachRoleOpensItsOwnPagesAndIsRefusedTheOthers() throws Exception {
        Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put("door.xhtml", List.of("DOOR", "BOX_OFFICE", "ADMIN"));
        pages.put("events.xhtml", List.of("BOX_OFFICE", "ADMIN"));
        pages.put("seats.xhtml", List.of("BOX_OFFICE", "ADMIN"));
        pages.put("bookings.xhtml", List.of("BOX_OFFICE", "ADMIN"));
        pages.put("booking.xhtml", List.of("BOX_OFFICE", "ADMIN"));
        pages.put("waitlist.xhtml", List.of("BOX_OFFICE", "ADMIN"));
        pages.put("event.xhtml", List.of("ADMIN"));
        pages.put("dashboard.xhtml", List.of("ADMIN"));
        pages.put("admin/staff.xhtml", List.of("ADMIN"));
        pages.put("admin/audit.xhtml", List.of("ADMIN"));
        pages.put("admin/messaging.xhtml", List.of("ADMIN"));
        Map<String, String> menu = Map.of("door.xhtml", "menuDoor", "events.xhtml", "menuEvents",
                "bookings.xhtml", "menuBookings", "dashboard.xhtml", "menuDashboard",
                "admin/messaging.xhtml", "menuMessaging", "admin/staff.xhtml", "menuStaff",
                "admin/audit.xhtml", "menuAudit");

        for (String role : List.of("DOOR", "BOX_OFFICE", "ADMIN")) {
            try (Browser browser = Browser.open()) {
                if (role.equals("ADMIN")) {
                    signIn(browser, Auth.adminEmail(), Auth.adminPassword());
                } else {
                    signIn(browser, staff(role));
                }
                browser.find(By.id("who"));
                String source = browser.pageSource();
                menu.forEach((page, id) -> assertThat(source.contains("id=\"" + id + "\""))
                        .as(role + " offered " + page + " in the menu").isEqualTo(pages.get(page).contains(role)));
                for (var page : pages.entrySet()) {
                    HttpResponse<String> response = Stack.send(HttpRequest.newBuilder(
                            URI.create(CONSOLE + page.getKey())).header("Cookie", browser.cookieHeader()).GET());
                    if (page.getValue().contains(role)) {
                        // a page asked without its parameter (which event?) may send on to the list, never to
                        // the sign-in page, and never answers 403 or a 5xx
                        assertThat(response.statusCode()).as(role + " opening " + page.getKey())
                                .isNotEqualTo(403).isLessThan(500);
                        assertThat(response.headers().firstValue("Location").orElse(""))
                                .as(role + " opening " + page.getKey()).doesNotEndWith("/login.xhtml");
                    } else {
                        assertThat(response.statusCode()).as(role + " opening " + page.getKey()).isEqualTo(403);
                    }
                    assertThat(response.body()).as(role + " opening " + page.getKey())
                            .doesNotContain("Caused by", ".java:");
                }
            }
        }
    }

    @Test
    void anAccountThatIsNotStaffCannotSignIn() throws Exception {
        String buyer = staff("USER");

        try (Browser browser = Browser.open()) {
            signIn(browser, buyer);

            assertThat(browser.findWithText(By.id("login:messages"), "This account has no console access").isDisplayed())
                    .isTrue();
            browser.screenshot("console-user-refused");
            browser.go(CONSOLE + "door.xhtml");
            browser.find(By.id("login:email"));
            assertThat(browser.url()).endsWith("/console/login.xhtml");
        }
    }

    @Test
    void anAdminSeesTheEventsAndSignsOut() throws Exception {
        String admin = Tokens.admin();
        String tag = "Console list " + UUID.randomUUID();
        String onSale = tag + " on sale";
        String draft = tag + " draft";
        Catalog.published(admin, onSale);
        Catalog.create(admin, Catalog.newEvent(draft, "Small Room", Catalog.START,
                List.of(Catalog.section("Row", 1, 4, 3000))));

        try (Browser browser = Browser.open()) {
            signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            assertThat(browser.url()).endsWith("/console/events.xhtml");
            assertThat(browser.find(By.id("menuDoor")).isDisplayed()).isTrue();

            browser.find(By.id("events:search")).sendKeys(tag + Keys.ENTER);

            WebElement table = browser.findWithText(By.id("events:table"), draft);
            // name, venue, start, status, capacity, available: 2×3 Floor and 1×2 Balcony, or one row of 4, none sold
            List<String> published = cells(rowOf(table, onSale));
            assertThat(published.get(1)).isEqualTo("Harbour Hall");
            assertThat(published.get(3)).isEqualToIgnoringCase("published");
            assertThat(published.subList(4, 6)).containsExactly("8", "8");
            List<String> drafted = cells(rowOf(table, draft));
            assertThat(drafted.get(3)).isEqualToIgnoringCase("draft");
            assertThat(drafted.subList(4, 6)).containsExactly("4", "4");
            browser.screenshot("console-events");

            browser.searchAgain("events", "no such event " + UUID.randomUUID());
            browser.findWithText(By.id("events:table"), "No event matches this search");

            browser.find(By.id("account:signOut")).click();
            browser.find(By.id("login:email"));
            assertThat(browser.url()).endsWith("/console/login.xhtml");
            browser.go(CONSOLE + "events.xhtml");
            browser.find(By.id("login:email"));
            assertThat(browser.url()).as("signed out").endsWith("/console/login.xhtml");
        }
    }

    @Test
    void anAdminMakesABuyersAccountDoorStaffWhichThenSignsInAtTheDoor() throws Exception {
        String newcomer = staff("USER");
        long id = ((Number) Database.row("select id from users where email = ?", newcomer).get("id")).longValue();

        try (Browser browser = Browser.open()) {
            signIn(browser, Auth.adminEmail(), Auth.adminPassword());
            browser.find(By.id("events:table"));
            browser.find(By.id("menuStaff")).click();
            browser.find(By.id("staff:table"));
            assertThat(browser.url()).endsWith("/console/admin/staff.xhtml");

            // the admin's own role is not theirs to change
            browser.find(By.id("staff:email")).sendKeys(Auth.adminEmail() + Keys.ENTER);
            browser.findWithText(By.id("foundName"), Auth.adminEmail());
            new Select(browser.find(By.id("staff:role"))).selectByVisibleText("Door");
            browser.find(By.id("staff:give")).click();
            browser.findWithText(By.id("staff:messages"), "You cannot change your own role");

            browser.searchAgain("staff", "email", newcomer);
            browser.findWithText(By.id("foundName"), newcomer);
            new Select(browser.find(By.id("staff:role"))).selectByVisibleText("Door");
            browser.find(By.id("staff:give")).click();
            browser.findWithText(By.id("staff:messages"), newcomer + " is now Door");
            browser.findWithText(By.id("staff:table"), newcomer);
            browser.screenshot("console-staff");

            browser.find(By.id("account:signOut")).click();
            browser.find(By.id("login:email"));
            signIn(browser, newcomer);
            browser.find(By.id("door:code"));
            assertThat(browser.url()).endsWith("/console/door.xhtml");
        }
        assertThat(Database.row("select role from users where id = ?", id).get("role")).isEqualTo("DOOR");
        assertThat(Database.count("""
                select count(*) from audit_log where action = 'user.role-changed' and subject = ?
                  and before ->> 'role' = 'USER' and after ->> 'role' = 'DOOR' and actor_email = ?""",
                "user " + id, Auth.adminEmail())).as("the change on the audit log").isEqualTo(1);
        assertThat(Database.row("select role from users where email = ?", Auth.adminEmail()).get("role"))
                .as("the admin's own role unchanged").isEqualTo("ADMIN");
    }

    @Test
    void withoutSigningInEveryPageLeadsToTheSignInPage() throws Exception {
        for (String page : List.of("", "index.xhtml", "door.xhtml", "events.xhtml", "admin/staff.xhtml",
                "admin/audit.xhtml")) {
            HttpResponse<String> response = Stack.get("/console/" + page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/console/login.xhtml"));
        }
        HttpResponse<String> login = Stack.get("/console/login.xhtml");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");

        try (Browser browser = Browser.open()) {
            browser.go(CONSOLE + "door.xhtml");
            browser.find(By.id("login:email"));
            assertThat(browser.url()).endsWith("/console/login.xhtml");
            browser.screenshot("console-login");
        }
    }

    /**
     * A fresh account with {@link Auth#PASSWORD}, registered through the API and, unless a USER, given the role by
     * the first admin; its email. Named after its role ("DOOR Tester").
     */
    static String staff(String role) {
        String email = Auth.uniqueEmail();
        HttpResponse<String> registered = Auth.register(email, Auth.PASSWORD, role + " Tester");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        if (!role.equals("USER")) {
            long id = Stack.json(registered).path("id").asLong();
            HttpResponse<String> assigned = Auth.put("/api/admin/users/" + id + "/role", Tokens.admin(),
                    Map.of("role", role));
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        }
        return email;
    }

    static void signIn(Browser browser, String email) {
        signIn(browser, email, Auth.PASSWORD);
    }

    static void signIn(Browser browser, String email, String password) {
        browser.go(CONSOLE + "login.xhtml");
        browser.find(By.id("login:email")).sendKeys(email);
        browser.find(By.id("login:password")).sendKeys(password);
        browser.find(By.id("login:signIn")).click();
    }

    /** Types the code and Enter, as a scanner does; returns the answer panel once it shows the expected headline. */
    private static WebElement checkIn(Browser browser, String code, String headline) throws InterruptedException {
        browser.find(By.id("door:code")).sendKeys(code + Keys.ENTER);
        WebElement answer = browser.findWithText(By.id("door:answer"), headline);
        assertThat(browser.find(By.id("door:code")).getAttribute("value")).as("emptied for the next").isEmpty();
        Stack.await("the code field focused again", Duration.ofSeconds(5), browser::focusedId, "door:code"::equals);
        return answer;
    }

    /** The same code with its last character changed: the signature no longer matches. */
    private static String forged(String code) {
        return code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
    }

    /** The audit table's rows as their cells' texts; none while an AJAX update replaces the table. */
    private static List<List<String>> auditRows(Browser browser) {
        try {
            return browser.find(By.id("audit:table")).findElements(By.cssSelector("tbody tr")).stream()
                    .map(ConsoleIT::cells)
                    .filter(cells -> cells.size() >= 6)
                    .toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    /** The texts of a table row's cells, as shown. */
    static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(cell -> cell.getText().strip()).toList();
    }

    private static WebElement rowOf(WebElement table, String name) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in: " + table.getText()));
    }
}
