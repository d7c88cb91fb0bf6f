/** Waitlist use cases: join, look, leave, and offers made from released seats. */
package dev.evently.waitlist.boundary;
