package dev.evently.console.platform;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Amounts as staff read them: whole currency units with two decimals and the currency code, "1,234.50 EUR"; and
 * the currency Evently sells in, for amounts that come without one (prices of seats, figures summed up).
 */
@Named
@ApplicationScoped
public class Money {

    @Inject
    @ConfigProperty(name = "evently.payments.currency", defaultValue = "EUR")
    String currency;

    /** The currency Evently sells in. */
    public String getCurrency() {
        return currency;
    }

    /** An amount in the currency given, for pages: {@code #{money.of(booking.totalCents(), booking.currency())}}. */
    public String of(long cents, String inCurrency) {
        return format(cents, inCurrency);
    }

    /** An amount in the currency Evently sells in. */
    public String format(long cents) {
        return format(cents, currency);
    }

    /** An amount in the currency given (none: the number alone). */
    public static String format(long cents, String currency) {
        String sign = cents < 0 ? "-" : "";
        // divide first: the quotient and remainder of any long have an absolute value that fits
        long units = Math.abs(cents / 100);
        long rest = Math.abs(cents % 100);
        String amount = sign + String.format(Locale.ENGLISH, "%,d.%02d", units, rest);
        return currency == null || currency.isBlank() ? amount : amount + " " + currency;
    }

    /** The amount in whole units as a plain number (a chart's axis, a CSV cell): 4550 cents → "45.50". */
    public static String units(long cents) {
        String sign = cents < 0 ? "-" : "";
        return sign + Math.abs(cents / 100) + "." + String.format(Locale.ENGLISH, "%02d", Math.abs(cents % 100));
    }
}
