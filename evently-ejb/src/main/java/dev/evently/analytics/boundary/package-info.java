/** Counting domain events into the daily figures, and the admins' reads of them. */
package dev.evently.analytics.boundary;
