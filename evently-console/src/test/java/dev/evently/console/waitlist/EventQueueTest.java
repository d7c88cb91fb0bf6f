package dev.evently.console.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void theEventIsAPositiveNumberFromTheAddressAndAnythingElseIsNone() {
        assertThat(EventQueue.eventId("42")).isEqualTo(42L);
        assertThat(EventQueue.eventId("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(EventQueue.eventId(null)).isNull();
        assertThat(EventQueue.eventId("")).isNull();
        assertThat(EventQueue.eventId("0")).isNull();
        assertThat(EventQueue.eventId("-3")).isNull();
        assertThat(EventQueue.eventId("4 2")).isNull();
        assertThat(EventQueue.eventId("42' or 1=1")).isNull();
        assertThat(EventQueue.eventId("9".repeat(19))).as("past a long's range").isNull();
        assertThat(EventQueue.eventId("٤٢")).as("digits of other scripts").isNull();
    }

    @Test
    void aPaidOfferIsAcceptedAndTheOtherStatusesKeepTheirNames() {
        assertThat(EventQueue.label("CONVERTED")).isEqualTo("accepted");
        assertThat(EventQueue.label("WAITING")).isEqualTo("waiting");
        assertThat(EventQueue.label("OFFERED")).isEqualTo("offered");
        assertThat(EventQueue.label("EXPIRED")).isEqualTo("expired");
        assertThat(EventQueue.label("LEFT")).isEqualTo("left");
    }
}
