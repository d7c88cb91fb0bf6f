/**
 * Readiness of the parts Evently stands on — PostgreSQL, the Artemis broker, Redis — each reported by
 * name so an operator sees which one is down.
 */
package dev.evently.platform.api;
