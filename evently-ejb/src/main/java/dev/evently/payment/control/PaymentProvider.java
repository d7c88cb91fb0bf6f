package dev.evently.payment.control;

import java.time.Instant;

import dev.evently.payment.boundary.PaymentReport;
import dev.evently.platform.control.InvalidSignatureException;

/**
 * The payment provider as Evently uses it: open a checkout for a payment, ask for a refund, and tell its signed
 * reports (webhooks) from forgeries. A Stripe-like or Adyen-like provider is one more implementation of this.
 */
public interface PaymentProvider {

    /** Where the buyer pays, and the provider's id of the payment. */
    record Checkout(String providerReference, String checkoutUrl) {
    }

    /**
     * Opens a checkout for Evently's payment {@code paymentId} (also the idempotency key: asking twice opens one).
     *
     * @throws ProviderUnavailableException when the provider cannot be reached or refuses for now
     */
    Checkout open(long paymentId, long amountCents, String currency, String description);

    /**
     * Asks for a whole payment back; {@code refundId} is the idempotency key, so asking again (after a timeout,
     * a restart) never refunds twice. Returns the provider's id of the refund; its outcome is reported later.
     *
     * @throws ProviderUnavailableException when the provider cannot be reached or refuses for now
     */
    String refund(String paymentReference, long refundId, long amountCents, String currency);

    /**
     * Verifies a report's signature and reads it.
     *
     * @param signature the signature header as received (may be null)
     * @param body      the raw body, exactly as received
     * @throws InvalidSignatureException when it was not signed by the provider, or too long ago
     * @throws IllegalArgumentException  when it is signed but not a report
     */
    PaymentReport verify(String signature, byte[] body, Instant now);
}
