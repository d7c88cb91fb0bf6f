/**
 * Events as staff see them: every event not yet over, drafts and cancelled ones included, with seats left; and
 * for admins the event editor (EventEditor): an event's fields, its seat layout with a preview of the seat map it
 * generates, publishing and cancelling.
 */
package dev.evently.console.events;
