/**
 * The outbox's housekeeping in the business module: published messages, kept for the retention, then purged.
 */
package dev.evently.outbox.control;
