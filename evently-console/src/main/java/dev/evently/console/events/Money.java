package dev.evently.console.events;

import java.math.BigDecimal;

/** Prices as the editor shows them: currency units with two decimals, e.g. 4000 cents as "40.00". */
final class Money {

    private Money() {
    }

    static String amount(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
