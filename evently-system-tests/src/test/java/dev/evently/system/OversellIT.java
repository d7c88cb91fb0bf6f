package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * 200 shoppers rush one event of 300 seats, mostly for the same front rows, and pay at once for whatever they
 * hold: the event sells out, no seat is sold twice, no request fails on the server, no deadlock.
 */
class OversellIT {

    @Test
    void twoHundredShoppersSellOutAnEventWithoutSellingASeatTwice() throws Exception {
        long eventId = Rushes.publishedEvent("Oversell", List.of(Catalog.section("Front", 6, 20, 9000),
                Catalog.section("Stalls", 6, 20, 6000), Catalog.section("Balcony", 3, 20, 3500)));
        List<Tokens.Account> shoppers = Tokens.newUsers(Rushes.SHOPPERS);
        long deadlocksBefore = Database.deadlocks();

        SeatRush rush = new SeatRush(eventId, "Front", List.of(Stack.BASE_URL), shoppers,
                (random, elapsed) -> SeatRush.Plan.PAY, Duration.ofSeconds(90)).run();

        SalesAudit audit = SalesAudit.of(eventId);
        String seatMaps = Rushes.seatMapsDisagreement(eventId, List.of(Stack.BASE_URL), Duration.ofSeconds(10));
        long deadlocks = Database.deadlocksAfter(rush.finished) - deadlocksBefore;
        Rushes.report("OversellIT", rush, audit, deadlocks);

        Rushes.assertOnlyExpectedAnswers(rush);
        audit.assertNothingOversold(300);
        audit.assertShoppersWereToldTheTruth(rush);
        MoneyAudit.of(eventId).assertMoneyAddsUp(false);
        assertThat(rush.soldOut()).as("sold out within the time limit").isTrue();
        audit.assertSoldOut();
        assertThat(rush.holdConflicts.sum()).as("shoppers collided").isPositive();
        assertThat(seatMaps).as("seat map and event details agree with the database").isNull();
        assertThat(deadlocks).as("deadlocks detected by PostgreSQL during the rush").isZero();
    }
}
