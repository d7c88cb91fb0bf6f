/**
 * The audit log: who did what to what, when, from where, and what it was before and after, kept for good (the
 * retention never purges it) and searchable by admins. Whoever acts records; a record that must stand even when
 * the action failed goes in a transaction of its own ({@link dev.evently.audit.boundary.AuditTrail#record}).
 */
package dev.evently.audit;
