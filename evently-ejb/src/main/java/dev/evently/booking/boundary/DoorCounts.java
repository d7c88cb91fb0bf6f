package dev.evently.booking.boundary;

/**
 * How far admission to an event has come, for the door: of its valid tickets, how many were checked in. A void
 * ticket admits nobody and counts in neither.
 */
public record DoorCounts(long eventId, long checkedIn, long valid) {
}
