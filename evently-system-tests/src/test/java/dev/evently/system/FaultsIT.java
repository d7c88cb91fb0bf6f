package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults mid-sale: two instances on one database, Redis and broker, buyers shopping on both, and one part at a
 * time dies and comes back. After each, nothing was lost, sold twice or left stuck ({@link FaultChecks}), buyers
 * saw only answers a client can act on, and the time from the part's return to the next successful hold is
 * measured. Runs in the suite; alone with {@code ./evently test -Dgroups=faults}. Prints a table.
 */
@Tag("faults")
class FaultsIT {

    private static final int BUYERS = 24;
    private static final int SEATS = 300;
    private static final Duration WARM_UP = Duration.ofSeconds(60);
    /** The rush goes on this long after the first successful hold once the part is back. */
    private static final Duration AFTER_RETURN = Duration.ofSeconds(5);
    private static final String SECOND_DOMAIN = System.getProperty("evently.second-domain", "evently-2");
    private static final String SECOND_PORT_BASE = System.getProperty("evently.second-port-base", "10000");

    private static final String ALL = "instance-kill,instance-stop,postgres-restart,postgres-outage,redis,broker,mail,payments";
    /**
     * The faults a run injects, by key: every one unless {@code -Devently.faults} names some
     * ({@code instance-kill,redis,...}), or {@code none} to leave the run out.
     */
    private static final List<String> CHOSEN = List.of(System.getProperty("evently.faults", "all")
            .replace("all", ALL).split(","));

    /** One fault: what kills the part, how long it stays away, what brings it back (returns when it is back). */
    record Fault(String key, String name, Step inject, Duration away, Step recover, boolean rushAfterInject) {
    }

    interface Step {
        void run() throws Exception;
    }

    private final List<String> table = new ArrayList<>();

    @Test
    void nothingIsLostSoldTwiceOrStuckWhenAPartDiesMidSale() throws Exception {
        assumeTrue(!CHOSEN.contains("none"), "the fault run is left out: -Devently.faults=none");
        assumeTrue(!Stack.SECOND_BASE_URL.isEmpty(), "the fault run needs the second instance ./evently test starts");
        assumeTrue("1".equals(System.getProperty("evently.redis-embedded")),
                "the fault run kills the embedded parts; this stack runs on configured ones");
        List<Fault> faults = List.of(
                new Fault("instance-kill", "kill -9 of instance 2, restart", FaultsIT::killSecondInstance, Duration.ofSeconds(5),
                        FaultsIT::restartSecondInstance, false),
                new Fault("instance-stop", "./evently stop of instance 2", FaultsIT::stopSecondInstance, Duration.ofSeconds(5),
                        FaultsIT::restartSecondInstance, false),
                new Fault("postgres-restart", "PostgreSQL restart (fast)", () -> Stack.evently("postgres", "stop"), Duration.ZERO,
                        () -> Stack.evently("postgres", "start"), false),
                new Fault("postgres-outage", "PostgreSQL away 20 s", () -> Stack.evently("postgres", "stop"), Duration.ofSeconds(20),
                        () -> Stack.evently("postgres", "start"), false),
                new Fault("redis", "Redis kill -9, restart", () -> Stack.evently("redis", "kill"), Duration.ofSeconds(10),
                        () -> Stack.evently("redis", "start"), false),
                new Fault("broker", "Artemis kill -9, restart", () -> Stack.evently("broker", "kill"), Duration.ofSeconds(10),
                        () -> Stack.evently("broker", "start"), false),
                // the mail server keeps its mailboxes in memory: the buyers start once it is down, so that every
                // mail of theirs is sent after its return and the count is whole
                new Fault("mail", "mail server away 30 s", () -> Stack.evently("mail", "stop"), Duration.ofSeconds(30),
                        () -> Stack.evently("mail", "start"), true),
                new Fault("payments", "payment provider away 30 s", () -> Stack.evently("payments", "stop"), Duration.ofSeconds(30),
                        () -> Stack.evently("payments", "start"), false));
        table.add(String.format("%-32s | %8s | %-58s | %9s | %9s | %8s | %-6s | %s", "fault", "requests",
                "answers by status", "confirmed", "delivered", "recovery", "audits",
                "metrics: holds held, bookings confirmed (both instances, during), most outbox backlog, most consumer lag"));
        try {
            for (Fault fault : faults) {
                if (CHOSEN.contains(fault.key())) {
                    run(fault);
                }
            }
        } finally {
            System.out.println("FaultsIT:\n" + String.join("\n", table));
        }
    }

    private void run(Fault fault) throws Exception {
        String admin = Tokens.admin();
        long eventId = Catalog.smallPublished(admin, Catalog.uniqueName("Fault"), SEATS);
        List<Long> seats = Catalog.seatIds(eventId);
        List<Tokens.Account> buyers = Tokens.newUsers(BUYERS);
        long deadLetters = PaymentsIT.deadLetters().path("count").asLong();
        List<String> urls = List.of(Stack.BASE_URL, Stack.SECOND_BASE_URL);

        double heldBefore = Metrics.total("evently_holds_total", "outcome", "held");
        double confirmedBefore = Metrics.total("evently_bookings_total", "change", "confirmed");
        FaultRush rush = null;
        Instant injected;
        Instant returned;
        Instant recovered;
        try {
            if (!fault.rushAfterInject()) {
                rush = new FaultRush(eventId, seats, buyers, urls);
                FaultRush warming = rush;
                Stack.await("the rush under way", WARM_UP, () -> warming.holdsAt.size(), n -> n >= 5);
            }
            injected = Instant.now();
            fault.inject().run();
            if (rush == null) {
                rush = new FaultRush(eventId, seats, buyers, urls);
            }
            lasts(fault.away());
            fault.recover().run();
            returned = Instant.now();
            FaultRush running = rush;
            recovered = Stack.await("a successful hold after the part's return", Duration.ofSeconds(120),
                    () -> running.firstHoldSince(returned), at -> at != null);
            lasts(AFTER_RETURN);
        } finally {
            if (rush != null) {
                rush.close();
            }
        }
        FaultChecks.Settled settled = FaultChecks.settle(eventId, rush, buyers, deadLetters);
        if (fault.name().startsWith("kill -9 of instance")) {
            assertThat(rush.holdsBetween(injected, returned)).as("holds on instance 1 while instance 2 was down")
                    .isPositive();
        } else if (fault.name().startsWith("./evently stop")) {
            // drained first: out of rotation before it stopped, nothing it had taken was cut off
            assertThat(rush.statuses()).as("%s: no request cut off", fault.name()).doesNotContainKey("connection lost");
        } else {
            assertThat(rush.statuses()).as("%s: every request reached a running instance", fault.name())
                    .doesNotContainKeys("connection refused", "connection lost");
        }
        table.add(String.format("%-32s | %8d | %-58s | %9d | %4d/%-4d | %6.1f s | %-6s | %s", fault.name(),
                rush.requests.get(), rush.statuses(), settled.confirmed(), settled.eventsDelivered(),
                settled.eventsExpected(), Duration.between(returned, recovered).toMillis() / 1000.0, "clean",
                String.format("+%.0f, +%.0f, %d, %d", delta(heldBefore, "evently_holds_total", "outcome", "held"),
                        delta(confirmedBefore, "evently_bookings_total", "change", "confirmed"),
                        rush.mostOutboxPending.get(), rush.mostConsumerLag.get())));
    }

    /**
     * How much a counter summed over both instances grew; a restarted instance starts its counters at zero, so after
     * an instance fault this undercounts (what a rate() over a restart would also smooth over).
     */
    private static double delta(double before, String name, String... labels) {
        return Math.max(0, Metrics.total(name, labels) - before);
    }

    /** The fault's length: the buyers shop on meanwhile (this waits for time itself, not for an outcome). */
    private static void lasts(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** As an operator would: the instance drains (readiness DOWN, requests in flight finish), then stops. */
    private static void stopSecondInstance() throws Exception {
        Stack.evently(Map.of("EVENTLY_DOMAIN", SECOND_DOMAIN), "stop");
        assertThat(Files.readString(Server.DOMAIN_DIR.resolveSibling(SECOND_DOMAIN).resolve("logs/server.log")))
                .as("instance 2 said it was drained before it stopped").contains("drained: no request in flight");
    }

    private static void killSecondInstance() throws Exception {
        Path domain = Server.DOMAIN_DIR.resolveSibling(SECOND_DOMAIN);
        long pid = Long.parseLong(Files.readString(domain.resolve("config/pid")).strip());
        assertThat(new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor()).isZero();
    }

    /**
     * As an operator would: {@code ./evently start} of that domain, which returns once readiness is UP; from then on
     * the API answers (a login is judged, not a 404 of an API not yet mapped).
     */
    private static void restartSecondInstance() throws Exception {
        Stack.evently(Map.of("EVENTLY_DOMAIN", SECOND_DOMAIN, "EVENTLY_PORT_BASE", SECOND_PORT_BASE), "start");
        HttpResponse<String> login = Stack.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Stack.SECOND_BASE_URL + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"nobody@example.org\",\"password\":\"wrong password\"}")));
        assertThat(login.statusCode()).as("a login right after readiness said UP: " + login.body()).isEqualTo(401);
    }
}
