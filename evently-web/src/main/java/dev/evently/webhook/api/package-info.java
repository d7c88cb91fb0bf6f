/** The admin API of outgoing webhooks: endpoints, their delivery logs, manual redelivery. */
package dev.evently.webhook.api;
