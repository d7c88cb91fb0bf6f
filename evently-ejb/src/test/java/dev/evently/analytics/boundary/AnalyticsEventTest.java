package dev.evently.analytics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyticsEventTest {

    @Test
    void utilisationIsTheShareOfCapacitySold() {
        assertThat(AnalyticsEvent.utilisation(3, 8)).isEqualTo(0.375);
        assertThat(AnalyticsEvent.utilisation(8, 8)).isEqualTo(1.0);
    }

    @Test
    void anEventWithoutSeatsIsNotUtilisedAndFiguresOutOfRangeAreClamped() {
        assertThat(AnalyticsEvent.utilisation(0, 0)).isZero();
        assertThat(AnalyticsEvent.utilisation(-1, 8)).isZero();
        assertThat(AnalyticsEvent.utilisation(9, 8)).isEqualTo(1.0);
    }
}
