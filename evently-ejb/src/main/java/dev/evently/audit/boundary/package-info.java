/** Recording an action in its own transaction, and the admins' search of what was recorded. */
package dev.evently.audit.boundary;
