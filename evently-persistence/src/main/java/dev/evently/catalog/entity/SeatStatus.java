package dev.evently.catalog.entity;

public enum SeatStatus {
    AVAILABLE,
    HELD,
    BOOKED
}
