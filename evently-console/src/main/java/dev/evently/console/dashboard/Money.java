package dev.evently.console.dashboard;

import java.util.Locale;

/** Amounts as staff read them: whole currency units with two decimals and the currency code, "1,234.50 EUR". */
public final class Money {

    private Money() {
    }

    public static String format(long cents, String currency) {
        String sign = cents < 0 ? "-" : "";
        // divide first: the quotient and remainder of any long have an absolute value that fits
        long units = Math.abs(cents / 100);
        long rest = Math.abs(cents % 100);
        String amount = sign + String.format(Locale.ENGLISH, "%,d.%02d", units, rest);
        return currency == null || currency.isBlank() ? amount : amount + " " + currency;
    }

    /** The amount in whole units as a JSON number, for a chart's axis: 4550 cents → "45.50". */
    static String units(long cents) {
        String sign = cents < 0 ? "-" : "";
        return sign + Math.abs(cents / 100) + "." + String.format(Locale.ENGLISH, "%02d", Math.abs(cents % 100));
    }
}
