/** Webhook endpoints as admins manage them, the consumer's intake, and the sender's timer. */
package dev.evently.webhook.boundary;
