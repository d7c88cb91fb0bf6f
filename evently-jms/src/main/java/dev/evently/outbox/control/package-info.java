/** The published form of domain events: the versioned JSON envelope and its message properties. */
package dev.evently.outbox.control;
