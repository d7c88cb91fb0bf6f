package dev.evently.catalog.entity;

public enum EventStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
