/** The waitlist over HTTP: join, look, leave. */
package dev.evently.waitlist.api;
