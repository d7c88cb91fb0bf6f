package dev.evently.payment.entity;

public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
