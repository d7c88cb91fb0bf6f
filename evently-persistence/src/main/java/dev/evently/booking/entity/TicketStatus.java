package dev.evently.booking.entity;

public enum TicketStatus {
    VALID,
    VOID
}
