package dev.evently.payment.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A payment given back, whole. Owed as REQUESTED in the transaction that ends the booking; the provider accepts it
 * (PENDING) and reports its outcome (SUCCEEDED or FAILED). Money staff took is handed back by staff: such a refund
 * succeeds as it is recorded. A payment has at most one refund (the database says so too).
 */
@Entity
@Table(name = "refunds")
public class Refund {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refunds_seq")
    @SequenceGenerator(name = "refunds_seq", sequenceName = "refunds_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false, updatable = false)
    private Payment payment;

    @Column(name = "booking_id", nullable = false, updatable = false)
    private long bookingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RefundStatus status;

    @Column(name = "amount_cents", nullable = false, updatable = false)
    private long amountCents;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(nullable = false, length = 30, updatable = false)
    private String reason;

    @Column(name = "provider_reference", length = 100, unique = true)
    private String providerReference;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", columnDefinition = "text")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Refund() {
    }

    /** The whole of a succeeded payment, owed back for {@code reason}. */
    public static Refund of(Payment payment, String reason, Instant now) {
        if (!payment.isSucceeded()) {
            throw new IllegalArgumentException("only money taken is given back; payment " + payment.getId() + " is "
                    + payment.getStatus());
        }
        Refund refund = new Refund();
        refund.payment = payment;
        refund.bookingId = payment.getBooking().getId();
        refund.amountCents = payment.getAmountCents();
        refund.currency = payment.getCurrency();
        refund.reason = Objects.requireNonNull(reason, "reason");
        refund.createdAt = now;
        refund.nextAttemptAt = now;
        if (payment.getMethod().isManual()) {
            refund.status = RefundStatus.SUCCEEDED;  // handed back by staff
            refund.completedAt = now;
        } else {
            refund.status = RefundStatus.REQUESTED;
        }
        return refund;
    }

    /** The provider took the request. */
    public void accepted(String providerReference) {
        if (status == RefundStatus.REQUESTED) {
            status = RefundStatus.PENDING;
        }
        if (this.providerReference == null) {
            this.providerReference = providerReference;
        }
        lastError = null;
    }

    /** The provider could not be asked: try again later, backing off. */
    public void notAccepted(String error, Instant now) {
        attempts++;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        nextAttemptAt = now.plus(delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay);
    }

    /** @return whether the report changed it (a second report of the same outcome does not) */
    public boolean succeed(String providerReference, Instant now) {
        if (status == RefundStatus.SUCCEEDED) {
            return false;
        }
        accepted(providerReference);
        status = RefundStatus.SUCCEEDED;
        completedAt = now;
        return true;
    }

    /** A failed refund stays visible for staff; the booking keeps waiting for its money to go back. */
    public boolean fail(String providerReference, String error, Instant now) {
        if (status == RefundStatus.SUCCEEDED || status == RefundStatus.FAILED) {
            return false;
        }
        accepted(providerReference);
        status = RefundStatus.FAILED;
        lastError = error;
        completedAt = now;
        return true;
    }

    public boolean matches(long amountCents, String currency) {
        return this.amountCents == amountCents && this.currency.equals(currency);
    }

    public Long getId() {
        return id;
    }

    public Payment getPayment() {
        return payment;
    }

    public long getBookingId() {
        return bookingId;
    }

    public RefundStatus getStatus() {
        return status;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReason() {
        return reason;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
