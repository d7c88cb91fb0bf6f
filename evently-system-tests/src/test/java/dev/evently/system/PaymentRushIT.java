package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rush against an unreliable payment provider: 200 buyers open checkouts and the provider decides each payment
 * itself, failing one in ten and sending one report in ten twice and one in ten late (up to 3 s, so reports
 * overtake each other). When it is over the seats and the money both add up: every payment the provider took
 * bought its booking or went back, nothing was confirmed without money, no report was applied twice.
 */
class PaymentRushIT {

    @AfterEach
    void reliableAgain() {
        Provider.reset();
    }

    @Test
    void anUnreliableProviderNeverConfirmsWithoutMoneyNorKeepsMoneyWithoutSeats() throws Exception {
        Rushes.requireShortHolds(List.of(Stack.BASE_URL));
        long eventId = Rushes.publishedEvent("Payment rush", List.of(Catalog.section("Front", 4, 20, 9000),
                Catalog.section("Stalls", 4, 20, 6000)));
        List<Tokens.Account> shoppers = Tokens.newUsers(Rushes.SHOPPERS);
        Provider.behave(Map.of("seed", 20261201, "autoDecideMs", 200, "failRate", 0.1, "duplicateRate", 0.1,
                "delayRate", 0.1, "maxDelayMs", 3000));

        SeatRush rush = new SeatRush(eventId, "Front", List.of(Stack.BASE_URL), shoppers,
                (random, elapsed) -> SeatRush.Plan.CHECKOUT, Stack.HOLD_TIME.multipliedBy(3).plusSeconds(60)).run();
        rush.settleCheckouts();
        Stack.await("refunds of event " + eventId + " settled", Duration.ofSeconds(60),
                () -> Database.count("select count(*) from refunds r join bookings b on b.id = r.booking_id "
                        + "where b.event_id = ? and r.status <> 'SUCCEEDED'", eventId), n -> n == 0);

        SalesAudit audit = SalesAudit.of(eventId);
        MoneyAudit money = MoneyAudit.of(eventId);
        Rushes.report("PaymentRushIT", rush, audit, 0);
        System.out.println("    " + money.figures() + "; payments by status " + Database.rows(
                "select p.status, count(*) from payments p join bookings b on b.id = p.booking_id where b.event_id = ? "
                        + "group by p.status", eventId));

        Rushes.assertOnlyExpectedAnswers(rush);
        audit.assertNothingOversold(160);
        audit.assertShoppersWereToldTheTruth(rush);
        money.assertMoneyAddsUp(true);
        assertThat(rush.soldOut()).as("sold out within the time limit").isTrue();
        audit.assertSoldOut();
        assertThat(rush.told.values()).as("the provider failed some payments").contains(SeatRush.Told.PAY_FAILED);
        assertThat(Database.count("select count(*) from consumed_messages where consumer = 'payment-reports'"))
                .isPositive();
    }
}
