/**
 * Analytics: sales figures per event and day (UTC) — bookings, seats sold, revenue, cancellations, expiries,
 * waitlist joins and offers — counted from the domain events as the outbox publishes them, each once, read by admins
 * as totals, capacity utilisation, top events and a daily trend. The figures are net: a paid booking that is
 * cancelled takes its seats and revenue back out on the day of the cancellation.
 */
package dev.evently.analytics;
