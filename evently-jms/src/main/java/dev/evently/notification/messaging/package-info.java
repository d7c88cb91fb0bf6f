/** The notifications' consumer: domain events that concern people become emails. */
package dev.evently.notification.messaging;
