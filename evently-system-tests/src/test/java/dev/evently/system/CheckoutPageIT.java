package dev.evently.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The buyer's side of the provider, in a real browser: the checkout page a booking's payment sends them to shows
 * the amount, and its Pay button confirms the booking (through the provider's signed webhook), its Decline
 * button leaves it pending.
 */
class CheckoutPageIT {

    @Test
    void payingAtTheCheckoutPageConfirmsTheBooking() throws Exception {
        PaymentsIT.Booked booked = bookAsBuyer();
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());

        try (Browser browser = Browser.open()) {
            browser.go(payment.path("checkoutUrl").asText());
            WebElement pay = browser.find(By.id("pay"));
            assertThat(browser.title()).contains("checkout");
            assertThat(pay.getText()).contains(money(booked.totalCents()) + " EUR");
            assertThat(Files.size(browser.screenshot("checkout-page"))).isPositive();

            pay.click();

            WebElement result = browser.find(By.id("result"));
            assertThat(result.getAttribute("data-status")).isEqualTo("SUCCEEDED");
            browser.screenshot("checkout-paid");
        }
        JsonNode confirmed = Provider.awaitStatus(booked.buyer().token(), booked.id(), Set.of("CONFIRMED"));
        assertThat(confirmed.path("tickets")).hasSize(1);
        assertThat(confirmed.path("paymentReference").asText()).isEqualTo(Provider.providerId(payment));
    }

    @Test
    void decliningAtTheCheckoutPageLeavesTheBookingHeld() throws Exception {
        PaymentsIT.Booked booked = bookAsBuyer();
        JsonNode payment = Provider.open(booked.buyer().token(), booked.id());

        try (Browser browser = Browser.open()) {
            browser.go(payment.path("checkoutUrl").asText());
            browser.find(By.id("decline")).click();
            assertThat(browser.find(By.id("result")).getAttribute("data-status")).isEqualTo("FAILED");
            browser.screenshot("checkout-declined");
        }
        Stack.await("payment " + payment.path("id") + " failed", Provider.SETTLE,
                () -> Database.count("select count(*) from payments where id = ? and status = 'FAILED'",
                        payment.path("id").asLong()), n -> n == 1);
        assertThat(Stack.json(Auth.get("/api/bookings/" + booked.id(), booked.buyer().token())).path("status").asText())
                .isEqualTo("PENDING");
        assertThat(Provider.open(booked.buyer().token(), booked.id()).path("id").asLong()).as("a new checkout")
                .isNotEqualTo(payment.path("id").asLong());
    }

    private static PaymentsIT.Booked bookAsBuyer() {
        PaymentsIT.admin();
        return PaymentsIT.book(1);
    }

    private static String money(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
