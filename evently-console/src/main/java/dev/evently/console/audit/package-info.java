/**
 * The audit log in the console: what staff do here is put on record ({@link dev.evently.console.audit.StaffActions}),
 * and admins search the record ({@link dev.evently.console.audit.AuditLog}, the page {@code admin/audit.xhtml}).
 */
package dev.evently.console.audit;
