/** What all consumers share: correlation ids and failure logging around each delivery. */
package dev.evently.platform.control;
