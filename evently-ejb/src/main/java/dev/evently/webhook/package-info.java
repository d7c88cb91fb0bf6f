/**
 * Outgoing webhooks: admins register endpoints (a URL and the domain-event types it wants), and every published
 * domain event of those types is posted to each of them, signed with the endpoint's secret ({@code Evently-Signature},
 * the scheme of the payment provider's reports). The deliveries are recorded from the domain-event topic in the
 * consumer's transaction, so none is lost, and sent afterwards by a timer: one at a time and in order per endpoint,
 * endpoints side by side, retried with a growing pause for a day. An endpoint that fails for a day is disabled and
 * the admins are told by mail.
 */
package dev.evently.webhook;
