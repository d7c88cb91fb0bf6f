/** The correlation id that ties a request, the domain events it causes and every consumer's log lines together. */
package dev.evently.platform.tracing;
