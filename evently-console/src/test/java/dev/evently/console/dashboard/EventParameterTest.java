package dev.evently.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventParameterTest {

    @Test
    void aPositiveWholeNumberIsAnEventId() {
        assertThat(EventParameter.parse("42")).isEqualTo(42L);
        assertThat(EventParameter.parse(" 7 ")).isEqualTo(7L);
    }

    @Test
    void anythingElseIsNoEvent() {
        assertThat(EventParameter.parse(null)).isNull();
        assertThat(EventParameter.parse("")).isNull();
        assertThat(EventParameter.parse("0")).isNull();
        assertThat(EventParameter.parse("-1")).isNull();
        assertThat(EventParameter.parse("1e3")).isNull();
        assertThat(EventParameter.parse("12; drop table events")).isNull();
        assertThat(EventParameter.parse("١٢")).as("digits of other scripts").isNull();
        assertThat(EventParameter.parse("9".repeat(19))).as("longer than any id").isNull();
    }

    @Test
    void eighteenDigitsStillFit() {
        assertThat(EventParameter.parse("9".repeat(18))).isEqualTo(999_999_999_999_999_999L);
    }
}
