package dev.evently.paymentsimulator;

/** Where a payment or refund stands. Only PENDING ever changes. */
enum Status {
    PENDING, SUCCEEDED, FAILED;

    boolean decided() {
        return this != PENDING;
    }
}
