package dev.evently.system;

import java.sql.Connection;
import java.sql.SQLException;

import org.assertj.core.api.SoftAssertions;

/**
 * Where the money of one event's bookings is, read in one snapshot, and the invariants that must hold whatever
 * the provider reported, late, twice or out of order: nothing is confirmed without money of its exact amount,
 * money that did not buy a booking is owed back, a refunded booking got all of it back, no money counts twice.
 */
record MoneyAudit(long eventId, long paidCents, long refundedCents, long owedBackCents, long confirmedTotalCents,
                  long confirmedWithoutItsPayment, long extraPaymentsNotOwedBack, long refundedNotGivenBack,
                  long refundPendingNotOwed, long endedKeepingMoney, long refundsNotTheirPayment,
                  long paymentsNotTheirBooking, long validTicketsWithoutMoney, long referencesCountedTwice) {

    static MoneyAudit of(long eventId) {
        return Database.snapshot(db -> audit(db, eventId));
    }

    private static MoneyAudit audit(Connection db, long eventId) throws SQLException {
        String ofEvent = "join bookings b on b.id = p.booking_id where b.event_id = ?";
        return new MoneyAudit(eventId,
                Database.count(db, "select coalesce(sum(p.amount_cents), 0) from payments p " + ofEvent
                        + " and p.status = 'SUCCEEDED'", eventId),
                Database.count(db, "select coalesce(sum(r.amount_cents), 0) from refunds r join payments p on p.id = "
                        + "r.payment_id " + ofEvent + " and r.status = 'SUCCEEDED'", eventId),
                Database.count(db, "select coalesce(sum(r.amount_cents), 0) from refunds r join payments p on p.id = "
                        + "r.payment_id " + ofEvent + " and r.status <> 'SUCCEEDED'", eventId),
                Database.count(db, "select coalesce(sum(total_cents), 0) from bookings where event_id = ? "
                        + "and status = 'CONFIRMED'", eventId),
                Database.count(db, """
                        select count(*) from bookings b where b.event_id = ? and b.status = 'CONFIRMED'
                        and not exists (select 1 from payments p where p.booking_id = b.id and p.status = 'SUCCEEDED'
                            and p.provider_reference = b.payment_reference and p.amount_cents = b.total_cents
                            and p.currency = b.currency
                            and not exists (select 1 from refunds r where r.payment_id = p.id))""", eventId),
                Database.count(db, """
                        select count(*) from payments p join bookings b on b.id = p.booking_id
                        where b.event_id = ? and b.status = 'CONFIRMED' and p.status = 'SUCCEEDED'
                        and p.provider_reference is distinct from b.payment_reference
                        and not exists (select 1 from refunds r where r.payment_id = p.id)""", eventId),
                Database.count(db, """
                        select count(*) from payments p join bookings b on b.id = p.booking_id
                        where b.event_id = ? and b.status = 'REFUNDED' and p.status = 'SUCCEEDED'
                        and not exists (select 1 from refunds r where r.payment_id = p.id and r.status = 'SUCCEEDED')""",
                        eventId),
                Database.count(db, """
                        select count(*) from payments p join bookings b on b.id = p.booking_id
                        where b.event_id = ? and b.status = 'REFUND_PENDING' and p.status = 'SUCCEEDED'
                        and not exists (select 1 from refunds r where r.payment_id = p.id)""", eventId),
                Database.count(db, """
                        select count(*) from payments p join bookings b on b.id = p.booking_id
                        where b.event_id = ? and b.status in ('PENDING', 'CANCELLED', 'EXPIRED') and p.status = 'SUCCEEDED'
                        and not exists (select 1 from refunds r where r.payment_id = p.id)""", eventId),
                Database.count(db, """
                        select count(*) from refunds r join payments p on p.id = r.payment_id
                        join bookings b on b.id = p.booking_id
                        where b.event_id = ? and (r.amount_cents <> p.amount_cents or r.currency <> p.currency
                            or r.booking_id <> p.booking_id or p.status <> 'SUCCEEDED')""", eventId),
                Database.count(db, "select count(*) from payments p " + ofEvent
                        + " and (p.amount_cents <> b.total_cents or p.currency <> b.currency)", eventId),
                Database.count(db, """
                        select count(*) from tickets t join bookings b on b.id = t.booking_id
                        where b.event_id = ? and t.status = 'VALID' and not exists (
                            select 1 from payments p where p.booking_id = b.id and p.status = 'SUCCEEDED'
                            and p.provider_reference = b.payment_reference)""", eventId),
                Database.count(db, """
                        select count(*) from (select p.provider_reference from payments p join bookings b
                            on b.id = p.booking_id where b.event_id = ? and p.provider_reference is not null
                            group by p.provider_reference having count(*) > 1) twice""", eventId));
    }

    /** Money adds up; with {@code settled}, every refund owed has also been reported done. */
    void assertMoneyAddsUp(boolean settled) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(confirmedWithoutItsPayment).as("CONFIRMED bookings without a kept payment of their amount")
                .isZero();
        softly.assertThat(extraPaymentsNotOwedBack).as("extra payments of CONFIRMED bookings not owed back").isZero();
        softly.assertThat(refundedNotGivenBack).as("payments of REFUNDED bookings without a succeeded refund").isZero();
        softly.assertThat(refundPendingNotOwed).as("payments of REFUND_PENDING bookings not owed back").isZero();
        softly.assertThat(endedKeepingMoney).as("payments kept by PENDING/CANCELLED/EXPIRED bookings").isZero();
        softly.assertThat(refundsNotTheirPayment).as("refunds not of their payment's whole amount").isZero();
        softly.assertThat(paymentsNotTheirBooking).as("payments not of their booking's amount and currency").isZero();
        softly.assertThat(validTicketsWithoutMoney).as("VALID tickets of bookings without a kept payment").isZero();
        softly.assertThat(referencesCountedTwice).as("provider references counted twice").isZero();
        softly.assertThat(paidCents - refundedCents - owedBackCents).as("paid - refunded - owed back = confirmed totals")
                .isEqualTo(confirmedTotalCents);
        if (settled) {
            softly.assertThat(owedBackCents).as("refunds still outstanding").isZero();
        }
        softly.assertAll();
    }

    String figures() {
        return String.format("money: paid %d, refunded %d, owed back %d, confirmed %d (cents)", paidCents,
                refundedCents, owedBackCents, confirmedTotalCents);
    }
}
