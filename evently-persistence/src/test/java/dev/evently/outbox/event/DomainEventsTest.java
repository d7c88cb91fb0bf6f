package dev.evently.outbox.event;

import static dev.evently.outbox.event.DomainEvents.BOOKING_CANCELLED;
import static dev.evently.outbox.event.DomainEvents.BOOKING_CONFIRMED;
import static dev.evently.outbox.event.DomainEvents.EVENT_CHANGED;
import static dev.evently.outbox.event.DomainEvents.PAYMENT_REJECTED;
import static dev.evently.outbox.event.DomainEvents.SEATS_RELEASED;
import static dev.evently.outbox.event.DomainEvents.WAITLIST_JOINED;
import static dev.evently.outbox.event.DomainEvents.WAITLIST_OFFERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.evently.outbox.event.DomainEvents.BookingChange;
import dev.evently.outbox.event.DomainEvents.EventChange;
import dev.evently.outbox.event.DomainEvents.PaymentRejected;
import dev.evently.outbox.event.DomainEvents.SeatsReleased;
import dev.evently.outbox.event.DomainEvents.WaitlistJoined;
import dev.evently.outbox.event.DomainEvents.WaitlistOffered;

/** The published JSON is a contract: these pin it field by field, in the documented order. */
class DomainEventsTest {

    private static final Instant AT = Instant.parse("2026-11-24T07:05:57.354Z");
    private static final Instant LATER = Instant.parse("2026-11-24T07:15:57.354Z");

    @Test
    void aBookingChangeIsPublishedWithItsFieldsInOrderAndWithoutAbsentOnes() {
        var held = new BookingChange(9001, 17, 42, "PENDING", List.of(1017L, 1018L), 9000, "EUR", LATER, false, AT,
                null, null, null);
        assertThat(BOOKING_CONFIRMED.toJson(held)).isEqualTo("{\"bookingId\":9001,\"userId\":17,\"eventId\":42,"
                + "\"status\":\"PENDING\",\"seatIds\":[1017,1018],\"totalCents\":9000,\"currency\":\"EUR\","
                + "\"expiresAt\":\"2026-11-24T07:15:57.354Z\",\"waitlistOffer\":false,\"at\":\"2026-11-24T07:05:57.354Z\"}");
        var cancelled = new BookingChange(9001, 17, 42, "REFUND_PENDING", List.of(1017L), 9000, "EUR", LATER, true, AT,
                "CONFIRMED", "pay_8f2a91", "event-cancelled");
        assertThat(BOOKING_CANCELLED.toJson(cancelled))
                .endsWith("\"waitlistOffer\":true,\"at\":\"2026-11-24T07:05:57.354Z\",\"previousStatus\":\"CONFIRMED\","
                        + "\"paymentReference\":\"pay_8f2a91\",\"reason\":\"event-cancelled\"}");
    }

    @Test
    void everyPayloadReadsBackAsItWasWritten() {
        roundTrip(BOOKING_CONFIRMED, new BookingChange(1, 2, 3, "CONFIRMED", List.of(4L), 500, "EUR", LATER, false, AT,
                null, "p", null));
        roundTrip(SEATS_RELEASED, new SeatsReleased(3, 1, List.of(4L, 5L)));
        roundTrip(EVENT_CHANGED, new EventChange(3, "Jazz", "Harbour Hall", LATER, "PUBLISHED", 2));
        roundTrip(WAITLIST_JOINED, new WaitlistJoined(7, 2, 3, 2, AT));
        roundTrip(WAITLIST_OFFERED, new WaitlistOffered(7, 2, 3, 1, List.of(4L, 5L), 1000, LATER, AT));
        roundTrip(PAYMENT_REJECTED, new PaymentRejected(1, "pay_1", 500, "SUCCEEDED", "amount-mismatch", AT, 7L, "EUR"));
        roundTrip(DomainEvents.PAYMENT_SUCCEEDED, new DomainEvents.PaymentChange(7, 1, 2, 3, "SUCCEEDED", "PROVIDER", 500,
                "EUR", "pay_1", AT));
        roundTrip(DomainEvents.REFUND_SUCCEEDED, new DomainEvents.RefundChange(8, 7, 1, 2, 3, "SUCCEEDED", 500, "EUR",
                "cancelled", "re_1", AT));
    }

    @Test
    void theAggregateOfAnEventIsWhatItsMessagesAreKeyedBy() {
        var released = new SeatsReleased(42, 9001, List.of(1L));
        assertThat(SEATS_RELEASED.aggregateType()).isEqualTo("event");
        assertThat(SEATS_RELEASED.aggregateId(released)).isEqualTo("42");
        assertThat(WAITLIST_JOINED.aggregateId(new WaitlistJoined(7, 2, 3, 2, AT))).isEqualTo("7");
        assertThat(PAYMENT_REJECTED.aggregateType()).isEqualTo("booking");
    }

    @Test
    void typesAreFoundByTheirPublishedName() {
        assertThat(DomainEvents.all()).hasSize(17).allSatisfy(type ->
                assertThat(DomainEvents.named(type.name())).containsSame(type));
        assertThat(DomainEvents.named("waitlist.left")).isEmpty();
    }

    @Test
    void aReceivedEnvelopeGivesItsTypeAndPayload() {
        String envelope = "{\"id\":\"12\",\"type\":\"seats.released\",\"version\":1,\"occurredAt\":\"2026-11-24T07:05:57Z\","
                + "\"source\":\"evently\",\"aggregateType\":\"event\",\"aggregateId\":\"42\","
                + "\"data\":{\"eventId\":42,\"bookingId\":9001,\"seatIds\":[1,2]}}";
        ReceivedEvent event = ReceivedEvent.parse(envelope, "corr-1");
        assertThat(event.is(SEATS_RELEASED)).isTrue();
        assertThat(event.correlationId()).isEqualTo("corr-1");
        assertThat(event.payload(SEATS_RELEASED)).isEqualTo(new SeatsReleased(42, 9001, List.of(1L, 2L)));
        assertThatThrownBy(() -> event.payload(BOOKING_CONFIRMED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anythingButAnEnvelopeIsAPoisonMessage() {
        assertThatThrownBy(() -> ReceivedEvent.parse("not json", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceivedEvent.parse("{\"id\":\"1\"}", null)).isInstanceOf(IllegalArgumentException.class);
        ReceivedEvent wrongData = ReceivedEvent.parse("{\"id\":\"1\",\"type\":\"seats.released\",\"version\":1,"
                + "\"data\":{\"eventId\":\"forty-two\"}}", null);
        assertThatThrownBy(() -> wrongData.payload(SEATS_RELEASED)).isInstanceOf(IllegalArgumentException.class);
    }

    private static <P extends Record> void roundTrip(DomainEventType<P> type, P payload) {
        JsonObject data = Json.createReader(new StringReader(type.toJson(payload))).readObject();
        assertThat(type.fromJson(data)).isEqualTo(payload);
    }
}
