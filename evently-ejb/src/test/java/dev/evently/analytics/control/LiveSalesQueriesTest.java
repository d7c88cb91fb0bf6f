package dev.evently.analytics.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveSalesQueriesTest {

    @Test
    void aSearchMatchesItsTextLiterallyIgnoringCase() {
        assertThat(LiveSalesQueries.like("Harbour")).isEqualTo("%harbour%");
        assertThat(LiveSalesQueries.like("100%_off\\")).isEqualTo("%100\\%\\_off\\\\%");
    }
}
