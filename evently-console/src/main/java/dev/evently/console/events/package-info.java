/** Events as staff see them: every event not yet over, drafts and cancelled ones included, with seats left. */
package dev.evently.console.events;
