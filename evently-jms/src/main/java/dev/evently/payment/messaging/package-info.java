/** The inbound payment queue: the payment provider's reports by message, applied like its signed webhooks. */
package dev.evently.payment.messaging;
