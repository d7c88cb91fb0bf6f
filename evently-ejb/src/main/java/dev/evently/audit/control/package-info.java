/** The {@code audit_log} table's one owner: its inserts and its search, in SQL. */
package dev.evently.audit.control;
