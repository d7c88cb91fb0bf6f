/** What the emails say: subjects and plain-text bodies composed from the facts of a booking or event. */
package dev.evently.notification.control;
