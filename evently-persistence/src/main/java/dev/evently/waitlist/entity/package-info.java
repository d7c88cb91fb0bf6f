/** Queues for sold-out events: released seats are offered, for a limited time, to the next person waiting. */
package dev.evently.waitlist.entity;
