/** Who is staff: admins find an account by email and give it a role; the change is on the audit log. */
package dev.evently.console.staff;
