package dev.evently.payment.entity;

/** How the money was taken: through the payment provider's checkout, or by staff outside it. */
public enum PaymentMethod {
    PROVIDER,
    CASH,
    CARD_TERMINAL;

    public boolean isManual() {
        return this != PROVIDER;
    }
}
