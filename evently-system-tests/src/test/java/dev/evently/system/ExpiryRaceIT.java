package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * 200 shoppers rush one event while holds run out under them: in the first hold period some pay, some cancel,
 * some walk away and some pay or cancel in the last second and a half either side of the end of their hold,
 * racing the expiry sweep; later shoppers take what the sweep releases and pay. Nothing is sold twice, an expired
 * booking never keeps a seat, and released seats are sold again.
 */
class ExpiryRaceIT {

    /** Walk-aways and last-moment payers while the first holds last, paying shoppers after. */
    static final SeatRush.Policy RACING_THE_SWEEP = (random, elapsed) -> {
        if (elapsed.compareTo(Stack.HOLD_TIME) < 0) {
            int roll = random.nextInt(100);
            return roll < 40 ? SeatRush.Plan.PAY
                    : roll < 60 ? SeatRush.Plan.CANCEL
                    : roll < 85 ? SeatRush.Plan.ABANDON
                    : roll < 95 ? SeatRush.Plan.PAY_AT_EXPIRY
                    : SeatRush.Plan.CANCEL_AT_EXPIRY;
        }
        return random.nextInt(100) < 85 ? SeatRush.Plan.PAY : SeatRush.Plan.CANCEL;
    };

    @Test
    void holdsRunningOutUnderARushNeverOversellAndTheirSeatsSellAgain() throws Exception {
        Rushes.requireShortHolds(List.of(Stack.BASE_URL));
        long eventId = Rushes.publishedEvent("Expiry race", List.of(Catalog.section("Front", 4, 20, 9000),
                Catalog.section("Stalls", 4, 20, 6000), Catalog.section("Balcony", 2, 20, 3500)));
        List<Tokens.Account> shoppers = Tokens.newUsers(Rushes.SHOPPERS);
        long deadlocksBefore = Database.deadlocks();

        SeatRush rush = new SeatRush(eventId, "Front", List.of(Stack.BASE_URL), shoppers, RACING_THE_SWEEP,
                Stack.HOLD_TIME.multipliedBy(3).plusSeconds(60)).run();

        SalesAudit audit = SalesAudit.of(eventId);
        String seatMaps = Rushes.seatMapsDisagreement(eventId, List.of(Stack.BASE_URL), Duration.ofSeconds(10));
        long deadlocks = Database.deadlocksAfter(rush.finished) - deadlocksBefore;
        Rushes.report("ExpiryRaceIT", rush, audit, deadlocks);

        Rushes.assertOnlyExpectedAnswers(rush);
        audit.assertNothingOversold(200);
        audit.assertShoppersWereToldTheTruth(rush);
        MoneyAudit.of(eventId).assertMoneyAddsUp(false);
        assertThat(rush.soldOut()).as("sold out within the time limit").isTrue();
        audit.assertSoldOut();
        assertThat(audit.bookingsByStatus()).as("bookings by status").containsKeys("EXPIRED", "CANCELLED", "CONFIRMED");
        assertThat(audit.expiredSeatsTakenAgain()).as("seats of expired bookings sold again").isPositive();
        assertThat(seatMaps).as("seat map and event details agree with the database").isNull();
        assertThat(deadlocks).as("deadlocks detected by PostgreSQL during the rush").isZero();
    }
}
