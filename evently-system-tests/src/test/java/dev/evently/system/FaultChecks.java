package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold once a fault is over and the platform has settled: the seats and the money audit clean, every
 * domain event delivered to every consumer once in effect (a mail per confirmation and per waitlist offer, the
 * analytics equal to a recount), nothing PENDING past its time, no queue or outbox holding anything, no new
 * dead letter, and every success the buyers saw still true.
 */
final class FaultChecks {

    /** Long enough for a delivery that failed while a part was away to come round again (retries double to 2 min). */
    static final Duration SETTLE = Duration.ofMinutes(4);
    private static final List<String> QUEUES = List.of("evently.domain-events::evently.waitlist",
            "evently.payments", "evently.domain-events::evently.webhooks");
    private static final Pattern CONFIRMED_MAIL = Pattern.compile("Your booking (\\d+) is confirmed");

    private FaultChecks() {
    }

    /** Figures of one settled fault for the table. */
    record Settled(long confirmed, long eventsExpected, long eventsDelivered) {
    }

    static Settled settle(long eventId, FaultRush rush, List<Tokens.Account> buyers, long deadLettersBefore)
            throws Exception {
        Provider.awaitDelivered();
        Stack.await("no PENDING booking past its hold time and a sweep", SETTLE,
                () -> Database.count("""
                        select count(*) from bookings
                        where event_id = ? and status = 'PENDING' and expires_at < now() - interval '6 seconds'""",
                        eventId),
                stuck -> stuck == 0);
        Stack.await("the outbox published", SETTLE,
                () -> Database.count("select count(*) from outbox where published_at is null"), n -> n == 0);
        Stack.await("every queue consumed", SETTLE, FaultChecks::queued, depths -> depths.values().stream()
                .allMatch(n -> n == 0), String::valueOf);

        // every timer of both instances still runs: their heartbeats are fresh (a timeout that fails twice is expunged)
        Stack.await("both instances beating", SETTLE, () -> Database.count(
                "select count(*) from server_instances where last_seen_at > now() - interval '25 seconds'"), n -> n >= 2);

        // refunds asked of a provider that was away back off (2 s doubling): they must all have gone through
        Stack.await("every refund of the event through", SETTLE, () -> MoneyAudit.of(eventId).owedBackCents(),
                owed -> owed == 0);

        SalesAudit sales = SalesAudit.of(eventId);
        sales.assertNothingOversold(sales.capacity());
        MoneyAudit.of(eventId).assertMoneyAddsUp(true);

        // one confirmation mail per booking.confirmed, one offer mail per waitlist.offered: no more, no fewer
        long confirmations = events(eventId, "booking.confirmed");
        long offers = events(eventId, "waitlist.offered");
        Map<Long, Integer> confirmationMails = Stack.await("a confirmation mail per confirmed booking", SETTLE,
                () -> confirmationMails(buyers), mails -> mails.size() == confirmations, String::valueOf);
        assertThat(confirmationMails.values()).as("confirmation mails per booking").containsOnly(1);
        long offerMails = Stack.await("an offer mail per waitlist offer", SETTLE, () -> offerMails(buyers),
                n -> n == offers);

        Stack.await("analytics equal to a recount", SETTLE,
                () -> AnalyticsIT.figuresOf(Stack.json(Auth.get(AnalyticsIT.FIGURES + eventId, Tokens.admin()))),
                figures -> figures.equals(recount(eventId)), figures -> figures + " against " + recount(eventId));

        assertThat(PaymentsIT.deadLetters().path("count").asLong()).as("dead letters").isEqualTo(deadLettersBefore);
        assertThat(rush.violations).as("answers no client should get").isEmpty();
        if (!rush.held.isEmpty()) {
            assertThat(Database.count("select count(*) from bookings where id in (" + ids(rush.held) + ")"))
                    .as("bookings the buyers were told were made").isEqualTo(rush.held.size());
        }
        if (!rush.cancelled.isEmpty()) {
            assertThat(Database.count("select count(*) from bookings where id in (" + ids(rush.cancelled)
                    + ") and status in ('PENDING', 'CONFIRMED')")).as("bookings cancelled for the buyers, still on").isZero();
        }
        return new Settled(sales.bookingsByStatus().getOrDefault("CONFIRMED", 0L),
                confirmations + offers, confirmationMails.size() + offerMails);
    }

    private static String ids(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The analytics recount, with the ends of bookings whose payment the fault held up counted as analytics counts
     * them. A hold that ran out while its payment was delayed expired once, and analytics counted that, whatever
     * the late money did next: bought the seats (CONFIRMED now) or, the seats taken meanwhile, went back (refunded
     * now). Such a refund is no cancellation: the booking had already ended, as an expiry.
     */
    static Map<String, Long> recount(long eventId) {
        Map<String, Long> recount = new java.util.LinkedHashMap<>(AnalyticsIT.recount(eventId));
        recount.put("expiries", events(eventId, "booking.expired"));
        recount.merge("cancellations", -Database.count("""
                select count(*) from outbox where type = 'booking.cancelled' and (payload ->> 'eventId')::bigint = ?
                and payload ->> 'previousStatus' = 'EXPIRED'""", eventId), Long::sum);
        return recount;
    }

    /** The domain events of that type the event's bookings announced (the outbox keeps them a week). */
    static long events(long eventId, String type) {
        return Database.count("select count(*) from outbox where type = ? and (payload ->> 'eventId')::bigint = ?",
                type, eventId);
    }

    static Map<Long, Integer> confirmationMails(List<Tokens.Account> buyers) {
        Map<Long, Integer> perBooking = new HashMap<>();
        for (Tokens.Account buyer : buyers) {
            for (Mailbox.Mail mail : Mailbox.inbox(buyer.email())) {
                Matcher matcher = CONFIRMED_MAIL.matcher(mail.subject());
                if (matcher.find()) {
                    perBooking.merge(Long.parseLong(matcher.group(1)), 1, Integer::sum);
                }
            }
        }
        return perBooking;
    }

    static long offerMails(List<Tokens.Account> buyers) {
        return buyers.stream().mapToLong(b -> Mailbox.withSubject(b.email(), "Seats for you from the waitlist").size())
                .sum();
    }

    /** Messages waiting in each of Evently's queues, browsed as an operator would. */
    static Map<String, Long> queued() {
        Map<String, Long> depths = new HashMap<>();
        for (String queue : QUEUES) {
            depths.put(queue, Broker.depth(queue));
        }
        return depths;
    }
}
