package dev.evently.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void centsReadAsUnitsWithTwoDecimalsAndTheCurrency() {
        assertThat(Money.format(4500, "EUR")).isEqualTo("45.00 EUR");
        assertThat(Money.format(5, "EUR")).isEqualTo("0.05 EUR");
        assertThat(Money.format(0, "EUR")).isEqualTo("0.00 EUR");
    }

    @Test
    void thousandsAreGroupedWhateverTheServersLocale() {
        assertThat(Money.format(123_456_789, "EUR")).isEqualTo("1,234,567.89 EUR");
    }

    @Test
    void aNegativeAmountKeepsItsSignOnce() {
        assertThat(Money.format(-350, "EUR")).isEqualTo("-3.50 EUR");
        assertThat(Money.format(-5, "EUR")).isEqualTo("-0.05 EUR");
        assertThat(Money.format(Long.MIN_VALUE, null)).isEqualTo("-92,233,720,368,547,758.08");
    }

    @Test
    void withoutACurrencyOnlyTheAmount() {
        assertThat(Money.format(1999, "")).isEqualTo("19.99");
    }

    @Test
    void chartUnitsAreAPlainJsonNumber() {
        assertThat(Money.units(4550)).isEqualTo("45.50");
        assertThat(Money.units(123_456_789)).isEqualTo("1234567.89");
        assertThat(Money.units(-5)).isEqualTo("-0.05");
    }
}
