package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The expiry race with the shoppers spread over two server instances on one database, Redis and broker:
 * the row locks, the expiry sweeps of both instances (SKIP LOCKED) and the shared caches keep every seat
 * sold at most once.
 */
class TwoInstancesIT {

    @Test
    void twoInstancesSellOneEventWithoutSellingASeatTwice() throws Exception {
        assumeFalse(Stack.SECOND_BASE_URL.isBlank(), "no second instance (evently.second-base-url)");
        List<String> instances = List.of(Stack.BASE_URL, Stack.SECOND_BASE_URL);
        Rushes.requireShortHolds(instances);
        long eventId = Rushes.publishedEvent("Two instances", List.of(Catalog.section("Front", 5, 20, 9000),
                Catalog.section("Stalls", 5, 20, 6000), Catalog.section("Balcony", 2, 20, 3500)));
        List<Tokens.Account> shoppers = Tokens.newUsers(Rushes.SHOPPERS);
        long deadlocksBefore = Database.deadlocks();

        SeatRush rush = new SeatRush(eventId, "Front", instances, shoppers, ExpiryRaceIT.RACING_THE_SWEEP,
                Stack.HOLD_TIME.multipliedBy(3).plusSeconds(60)).run();

        SalesAudit audit = SalesAudit.of(eventId);
        String seatMaps = Rushes.seatMapsDisagreement(eventId, instances, Duration.ofSeconds(10));
        long deadlocks = Database.deadlocksAfter(rush.finished) - deadlocksBefore;
        Rushes.report("TwoInstancesIT", rush, audit, deadlocks);

        Rushes.assertOnlyExpectedAnswers(rush);
        audit.assertNothingOversold(240);
        audit.assertShoppersWereToldTheTruth(rush);
        MoneyAudit.of(eventId).assertMoneyAddsUp(false);
        assertThat(rush.soldOut()).as("sold out within the time limit").isTrue();
        audit.assertSoldOut();
        assertThat(rush.heldByInstance).as("holds granted by each instance").containsKeys(Stack.BASE_URL,
                Stack.SECOND_BASE_URL);
        assertThat(audit.bookingsByStatus()).as("bookings by status").containsKeys("EXPIRED", "CONFIRMED");
        assertThat(seatMaps).as("seat maps and event details of both instances agree with the database").isNull();
        assertThat(deadlocks).as("deadlocks detected by PostgreSQL during the rush").isZero();
    }
}
