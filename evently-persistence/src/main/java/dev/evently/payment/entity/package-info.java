/**
 * Money: payments taken for a booking (through the payment provider, or by staff as cash or on a card terminal)
 * and the refunds that give it back. A booking is confirmed only against a succeeded payment of its exact amount.
 */
package dev.evently.payment.entity;
