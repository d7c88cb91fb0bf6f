package dev.evently.payment.entity;

/** REQUESTED: owed, not yet accepted by the provider; PENDING: accepted, outcome not reported yet. */
public enum RefundStatus {
    REQUESTED,
    PENDING,
    SUCCEEDED,
    FAILED;

    public boolean isOutstanding() {
        return this != SUCCEEDED;
    }
}
