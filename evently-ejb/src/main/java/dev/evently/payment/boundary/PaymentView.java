package dev.evently.payment.boundary;

import java.time.Instant;

/** A payment as its booking's owner (or staff) sees it; {@code checkoutUrl} is where the buyer pays. */
public record PaymentView(long id, long bookingId, String status, String method, long amountCents, String currency,
                          String checkoutUrl, Instant createdAt) {
}
