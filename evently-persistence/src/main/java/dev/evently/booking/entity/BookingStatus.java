package dev.evently.booking.entity;

/**
 * PENDING (seats held until paid or expired) → CONFIRMED (paid, tickets issued); CANCELLED or EXPIRED end an unpaid
 * booking; a paid booking that ends owes its money back: REFUND_PENDING until the refunds succeeded, then REFUNDED.
 */
public enum BookingStatus {
    PENDING,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    REFUND_PENDING,
    REFUNDED;

    /** Whether the booking still holds or owns its seats. */
    public boolean holdsSeats() {
        return this == PENDING || this == CONFIRMED;
    }
}
