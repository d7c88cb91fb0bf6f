/** The waitlist's consumer: released seats become offers for the next people in line. */
package dev.evently.waitlist.messaging;
