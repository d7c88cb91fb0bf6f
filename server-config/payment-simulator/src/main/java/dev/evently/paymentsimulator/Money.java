package dev.evently.paymentsimulator;

/** Amounts as a buyer reads them. Every currency is shown with two decimals, which is fine for a simulator. */
final class Money {

    private Money() {
    }

    static String format(long cents, String currency) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100) + " " + currency;
    }
}
