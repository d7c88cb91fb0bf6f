package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evently.system.Tokens.Account;

/**
 * Retention over repeated sales: what a sale leaves behind (its outbox messages, the consumers' inbox records, its
 * Idempotency-Key) is purged once older than the retention, so those tables stay bounded however long sales go on;
 * and nothing still needed goes: the latest sale's rows, its key (a retry still replays), an event still waiting for
 * the broker, tokens and revocations not expired for long enough.
 * <p>
 * The stack runs with the default retention, 7 days (./evently test sets no EVENTLY_RETENTION). The test does what
 * only time would do: it writes the times of its rows 8 days back, then waits for the purge, which every instance
 * runs every 10 s. It counts only what it made itself: other tests' rows are recent and rightly kept.
 */
class RetentionIT {

    /** How much older than the retention (the default, 7 days) the test makes what it wants purged. */
    private static final int AGED_DAYS = 8;
    /** The purge runs every 10 s on each instance; a minute leaves room for a busy server. */
    private static final Duration PURGED_WITHIN = Duration.ofSeconds(60);
    /** The relay publishes every second, the consumers follow within seconds. */
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(60);
    private static final int ROUNDS = 5;
    private static final int SALES_PER_ROUND = 3;
    /** OutboxBatches.RELAY_LOCK: the instance holding this advisory lock relays; while the test holds it, none does. */
    private static final long RELAY_LOCK = 0x6576656e746c79L;
    private static final String SEATS_UNAVAILABLE = "https://evently.dev/problems/seats-unavailable";

    private static String admin;

    @BeforeAll
    static void admin() {
        admin = Tokens.admin();
        Provider.reset();  // payments decided by the test alone, whatever another test left the simulator doing
    }

    /**
     * A paid booking held with an Idempotency-Key, and the ids of the messages about it as the inbox records them:
     * its outbox messages' ids and the id of the provider's payment report.
     */
    record Sale(long bookingId, Account buyer, String key, Map<String, Object> request, Set<String> messageIds) {
    }

    /** What is left of some sales: outbox messages, inbox records, bookings still carrying their Idempotency-Key. */
    record Left(long outbox, long inbox, long keys) {

        boolean none() {
            return outbox == 0 && inbox == 0 && keys == 0;
        }
    }

    @Test
    void aSaleLeavesNothingBehindOnceOlderThanTheRetentionAndTheLatestKeepsWhatItNeeds() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Retention"), ROUNDS * SALES_PER_ROUND);
        List<Long> seats = Catalog.seatIds(event);
        List<Sale> sold = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (int i = 0; i < SALES_PER_ROUND; i++) {
                sold.add(sell(event, seats.get(sold.size())));
            }
            awaitSettled(sold);
            Sale latest = sold.get(sold.size() - 1);
            List<Sale> older = List.copyOf(sold.subList(0, sold.size() - 1));
            Left latestBefore = left(List.of(latest));

            age(older);
            Stack.await("round " + round + ": the older sales' rows purged", PURGED_WITHIN, () -> left(older),
                    Left::none);

            // bounded: of all the rounds' sales, only the latest sale's rows are left, round after round
            Left all = left(sold);
            System.out.printf("retention round %d: %d sales, left %s; tables: %s%n", round, sold.size(), all, tables());
            assertThat(all).as("round %d", round).isEqualTo(latestBefore);
            assertThat(latestBefore.outbox()).as("booking.created, payment.succeeded, booking.confirmed")
                    .isGreaterThanOrEqualTo(3);
            assertThat(latestBefore.inbox()).as("the payment report").isGreaterThanOrEqualTo(1);
            assertThat(latestBefore.keys()).isEqualTo(1);

            // the latest sale's key still replays it
            HttpResponse<String> retry = hold(latest.buyer(), latest.key(), latest.request());
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
            assertThat(Stack.json(retry).path("id").asLong()).isEqualTo(latest.bookingId());
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");

            // an older sale is still sold; only its key is gone: a retry now is a new request, for a seat it holds
            Sale previous = older.get(older.size() - 1);
            assertThat(Stack.json(Auth.get("/api/bookings/" + previous.bookingId(), previous.buyer().token()))
                    .path("status").asText()).isEqualTo("CONFIRMED");
            ProblemsIT.assertProblem(hold(previous.buyer(), previous.key(), previous.request()), 409,
                    SEATS_UNAVAILABLE);
        }
    }

    @Test
    void anEventStillWaitingForTheBrokerIsKeptHoweverOld() throws Exception {
        long event = Catalog.smallPublished(admin, Catalog.uniqueName("Retention backlog"), 2);
        List<Long> seats = Catalog.seatIds(event);
        Sale witness = sell(event, seats.get(0));
        awaitSettled(List.of(witness));
        Account buyer = Tokens.newUsers(1).get(0);

        long waiting = Database.whileLocking("select 1 from (select pg_advisory_xact_lock(?)) as relay_paused", () -> {
            long booking = WaitlistIT.hold(buyer, event, seats.subList(1, 2));
            List<Map<String, Object>> unpublished = Database.rows("""
                    update outbox set created_at = now() - make_interval(days => ?)
                    where aggregate_type = 'booking' and aggregate_id = ? and published_at is null
                    returning id""", AGED_DAYS, String.valueOf(booking));
            assertThat(unpublished).as("booking.created, not relayed while the test holds the relay's lock").hasSize(1);
            // a purge has run with the waiting event older than the retention once the witness's rows are gone
            age(List.of(witness));
            uninterrupted(() -> Stack.await("the witness sale's rows purged", PURGED_WITHIN,
                    () -> left(List.of(witness)), Left::none));
            assertThat(Database.count("select count(*) from outbox where id = ? and published_at is null",
                    unpublished.get(0).get("id"))).as("the event waiting for the broker").isEqualTo(1);
            return booking;
        }, RELAY_LOCK);

        Stack.await("the waiting event relayed once the relay may again", SETTLED_WITHIN, () -> Database.count("""
                select count(*) from outbox
                where aggregate_type = 'booking' and aggregate_id = ? and published_at is null""",
                String.valueOf(waiting)), pending -> pending == 0);
    }

    @Test
    void tokensRevocationsInstancesProbesAndSentMailsGoOnlyOnceEndedForLongerThanTheRetention() throws Exception {
        Ended ended = new Ended(Tokens.newUsers(1).get(0).id(), "retention-test/" + UUID.randomUUID());
        try {
            ended.daysAgo(AGED_DAYS);
            ended.daysAgo(1);

            // what ended a day ago is refused (a token, a revocation) or dead (an instance), but within the retention
            Map<String, List<Integer>> endedADayAgo = Map.of("refresh tokens", List.of(1), "revocations", List.of(1),
                    "server instances", List.of(1), "messaging probes", List.of(1), "sent mails", List.of(1),
                    "owed mails", List.of(1, AGED_DAYS));
            Stack.await("only what ended longer than the retention ago purged", PURGED_WITHIN, ended::left,
                    endedADayAgo::equals);
        } finally {
            ended.remove();
        }
    }

    /** Holds the seat with an Idempotency-Key, pays it (one report, on time) and waits until it is confirmed. */
    private static Sale sell(long eventId, long seatId) throws InterruptedException {
        Account buyer = Tokens.newUsers(1).get(0);
        String key = "retention-" + UUID.randomUUID();
        Map<String, Object> request = Map.of("eventId", eventId, "seatIds", List.of(seatId));
        HttpResponse<String> held = hold(buyer, key, request);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        long bookingId = Stack.json(held).path("id").asLong();
        JsonNode payment = Provider.open(buyer.token(), bookingId);
        // a duplicate report arriving after the first one's inbox record was purged would be recorded afresh
        Provider.decide(Provider.providerId(payment), "succeed", Map.of("duplicates", 0, "delayMs", 0));
        Provider.awaitStatus(buyer.token(), bookingId, Set.of("CONFIRMED"));
        Set<String> messageIds = new TreeSet<>();
        Database.rows("select id::text as id from outbox where aggregate_type = 'booking' and aggregate_id = ?",
                String.valueOf(bookingId)).forEach(row -> messageIds.add((String) row.get("id")));
        messageIds.add(Provider.reportId(payment.path("id").asText(), "payment.succeeded"));
        return new Sale(bookingId, buyer, key, request, messageIds);
    }

    /**
     * Waits until the relay has published every message of the sales, and with them queued the mail each
     * booking.confirmed owes (in the relay's transaction).
     */
    private static void awaitSettled(List<Sale> sales) throws InterruptedException {
        Stack.await("the sales' messages published and their mails queued", SETTLED_WITHIN, () -> Database.count("""
                select count(*) from outbox o
                where o.aggregate_type = 'booking' and o.aggregate_id = any(?)
                  and (o.published_at is null
                       or (o.type = 'booking.confirmed'
                           and not exists (select 1 from outgoing_mails m where m.cause = o.id::text)))""",
                (Object) bookingIds(sales)), waiting -> waiting == 0);
    }

    /** What only time would do: the sales' rows become older than the retention, as if the sales were 8 days ago. */
    private static void age(List<Sale> sales) {
        Database.update("""
                update outbox set created_at = now() - make_interval(days => ?),
                                  published_at = now() - make_interval(days => ?)
                where aggregate_type = 'booking' and aggregate_id = any(?) and published_at is not null""",
                AGED_DAYS, AGED_DAYS, bookingIds(sales));
        Database.update("""
                update consumed_messages set consumed_at = now() - make_interval(days => ?)
                where message_id = any(?)""", AGED_DAYS, messageIds(sales));
        Database.update("update bookings set created_at = now() - make_interval(days => ?) where id = any(?::bigint[])",
                AGED_DAYS, bookingIds(sales));
    }

    private static Left left(List<Sale> sales) {
        return new Left(
                Database.count("select count(*) from outbox where aggregate_type = 'booking' and aggregate_id = any(?)",
                        (Object) bookingIds(sales)),
                Database.count("select count(*) from consumed_messages where message_id = any(?)",
                        (Object) messageIds(sales)),
                Database.count("""
                        select count(*) from bookings where id = any(?::bigint[]) and idempotency_key is not null""",
                        (Object) bookingIds(sales)));
    }

    /** The whole tables' sizes, for the log: other tests' rows included. */
    private static Map<String, Object> tables() {
        return Database.row("""
                select (select count(*) from outbox) as outbox, (select count(*) from consumed_messages) as inbox,
                       (select count(*) from bookings where idempotency_key is not null) as idempotency_keys""");
    }

    /**
     * Rows of a kind the test writes itself, as if they had ended some days ago: a refresh token and a revocation of a
     * user (expired), a server instance (its last heartbeat), a messaging probe (received), a mail (sent; and one
     * still owed, which no age purges).
     */
    private record Ended(long user, String name) {

        void daysAgo(int days) {
            String id = name + "/" + days;
            Database.update("""
                    insert into refresh_tokens (user_id, family, token_hash, created_at, expires_at)
                    values (?, gen_random_uuid(), encode(sha256(convert_to(?, 'UTF8')), 'hex'),
                            now() - make_interval(days => ? + 14), now() - make_interval(days => ?))""",
                    user, id, days, days);
            Database.update("""
                    insert into revocations (user_id, jti, expires_at)
                    values (?, ?, now() - make_interval(days => ?))""", user, id, days);
            Database.update("""
                    insert into server_instances (id, host, started_at, last_seen_at)
                    values (?, 'retention-test', now() - make_interval(days => ? + 1),
                            now() - make_interval(days => ?))""",
                    id, days, days);
            Database.update("""
                    insert into message_probes (probe_id, body, received_at)
                    values (?, 'retention', now() - make_interval(days => ?))""", id, days);
            // a mail sent then, and one owed since then whose next attempt is far off: owed, it is kept however old
            Database.update("""
                    insert into outgoing_mails (cause, message_id, recipient, subject, body, status, created_at,
                                                next_attempt_at, attempts, settled_at)
                    values (?, gen_random_uuid()::text, 'retention@example.invalid', 'sent', 'sent', 'SENT',
                            now() - make_interval(days => ?), now() - make_interval(days => ?), 1,
                            now() - make_interval(days => ?)),
                           (?, gen_random_uuid()::text, 'retention@example.invalid', 'owed', 'owed', 'PENDING',
                            now() - make_interval(days => ?), now() + interval '1 day', 3, null)""",
                    id, days, days, days, id, days);
        }

        /** Of each kind, how many days ago the rows left had ended. */
        Map<String, List<Integer>> left() {
            String ours = name + "/%";
            return Map.of(
                    "refresh tokens", endedDaysAgo("select expires_at from refresh_tokens where user_id = ?", user),
                    "revocations", endedDaysAgo("select expires_at from revocations where user_id = ?", user),
                    "server instances", endedDaysAgo("select last_seen_at from server_instances where id like ?", ours),
                    "messaging probes", endedDaysAgo("select received_at from message_probes where probe_id like ?",
                            ours),
                    "sent mails", endedDaysAgo("""
                            select settled_at from outgoing_mails where cause like ? and status = 'SENT'""", ours),
                    "owed mails", endedDaysAgo("""
                            select created_at from outgoing_mails where cause like ? and status = 'PENDING'""", ours));
        }

        /** Nothing of the test's own left where the platform looks for live instances and probes. */
        void remove() {
            Database.update("delete from server_instances where id like ?", name + "/%");
            Database.update("delete from message_probes where probe_id like ?", name + "/%");
            Database.update("delete from outgoing_mails where cause like ?", name + "/%");
        }

        private static List<Integer> endedDaysAgo(String sql, Object parameter) {
            return Database.rows("select round(extract(epoch from now() - ended) / 86400)::int as days from (" + sql
                            + ") as these (ended) order by days", parameter).stream()
                    .map(row -> ((Number) row.get("days")).intValue())
                    .toList();
        }
    }

    private static String[] bookingIds(List<Sale> sales) {
        return sales.stream().map(sale -> String.valueOf(sale.bookingId())).toArray(String[]::new);
    }

    private static String[] messageIds(List<Sale> sales) {
        return sales.stream().flatMap(sale -> sale.messageIds().stream()).toArray(String[]::new);
    }

    private static HttpResponse<String> hold(Account buyer, String key, Map<String, Object> request) {
        try {
            return Stack.send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/bookings"))
                    .header("Authorization", "Bearer " + buyer.token())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(request))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** For waiting inside {@link Database#whileLocking}, whose work throws nothing checked. */
    private static <T> T uninterrupted(Waiting<T> waiting) {
        try {
            return waiting.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Waiting<T> {
        T run() throws InterruptedException;
    }
}
