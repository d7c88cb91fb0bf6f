package dev.evently.waitlist.entity;

public enum WaitlistStatus {
    WAITING,
    OFFERED,
    CONVERTED,
    EXPIRED,
    LEFT
}
