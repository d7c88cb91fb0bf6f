/**
 * Payments: a booking is paid through the payment provider (a checkout the buyer completes on the provider's
 * page; only the provider's signed report confirms it) or by staff (cash, card terminal), and money that cannot
 * buy its booking, or whose booking is cancelled, is refunded. The provider is behind one interface
 * ({@link dev.evently.payment.control.PaymentProvider}); locally and in tests an embedded simulator plays it.
 * Payments depend on booking's boundary, never the other way: a booking that ends announces it, and the refunds
 * follow that announcement.
 */
package dev.evently.payment;
