/**
 * The catalogue: events, their seat maps and what is still available — read by everyone, changed by
 * admins, cached in Redis and invalidated after every commit that changes it.
 */
package dev.evently.catalog;
