package dev.evently.payment.entity;

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

import dev.evently.accounts.entity.User;
import dev.evently.booking.entity.Booking;
import dev.evently.platform.errors.ConflictException;

/**
 * Money for one booking, for its whole amount in its currency. Through the provider it starts PENDING (the buyer
 * is at the checkout) and only the provider's report decides it; staff record cash or card-terminal money as
 * SUCCEEDED at once, with who they are. A succeeded payment stays succeeded: a late failure report changes nothing.
 */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payments_seq")
    @SequenceGenerator(name = "payments_seq", sequenceName = "payments_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id", nullable = false, updatable = false)
    private Booking booking;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private PaymentMethod method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PaymentStatus status;

    @Column(name = "amount_cents", nullable = false, updatable = false)
    private long amountCents;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "provider_reference", length = 100, unique = true)
    private String providerReference;

    @Column(name = "checkout_url", length = 2000)
    private String checkoutUrl;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recorded_by", updatable = false)
    private User recordedBy;

    @Column(length = 500, updatable = false)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Payment() {
    }

    private Payment(Booking booking, PaymentMethod method, PaymentStatus status, Instant now) {
        this.booking = Objects.requireNonNull(booking, "booking");
        this.method = method;
        this.status = status;
        this.amountCents = booking.getTotalCents();
        this.currency = booking.getCurrency();
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** A checkout at the provider for the booking's whole amount; the provider's ids follow once it answered. */
    public static Payment throughProvider(Booking booking, Instant now) {
        return new Payment(booking, PaymentMethod.PROVIDER, PaymentStatus.PENDING, now);
    }

    /** Money staff took outside the provider: succeeded as it is recorded. */
    public static Payment recordedBy(User staff, Booking booking, PaymentMethod method, String note, Instant now) {
        if (!method.isManual()) {
            throw new IllegalArgumentException("staff record cash or card-terminal payments, not " + method);
        }
        Payment payment = new Payment(booking, method, PaymentStatus.SUCCEEDED, now);
        payment.recordedBy = Objects.requireNonNull(staff, "staff");
        payment.note = note;
        payment.completedAt = now;
        return payment;
    }

    /** What the provider answered when the checkout was opened. */
    public void openedAt(String providerReference, String checkoutUrl) {
        this.providerReference = Objects.requireNonNull(providerReference, "providerReference");
        this.checkoutUrl = checkoutUrl;
    }

    /** A staff record's own reference, once it has an id: unique like a provider's. */
    public void referenceManual() {
        this.providerReference = method.name().toLowerCase() + "-" + id;
    }

    /** @return whether this report changed it (false: it had succeeded already) */
    public boolean succeed(Instant now) {
        if (status == PaymentStatus.SUCCEEDED) {
            return false;
        }
        status = PaymentStatus.SUCCEEDED;  // a success after a failure report is money taken all the same
        completedAt = now;
        return true;
    }

    /** @return whether this report changed it (false: it was decided already) */
    public boolean fail(Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = PaymentStatus.FAILED;
        completedAt = now;
        return true;
    }

    public boolean isPending() {
        return status == PaymentStatus.PENDING;
    }

    public boolean isSucceeded() {
        return status == PaymentStatus.SUCCEEDED;
    }

    /** Whether a report of {@code amountCents} in {@code currency} is for exactly this payment's money. */
    public boolean matches(long amountCents, String currency) {
        return this.amountCents == amountCents && this.currency.equals(currency);
    }

    public void requireProvider() {
        if (method != PaymentMethod.PROVIDER) {
            throw new ConflictException("payment-not-at-provider", "payment " + id + " was recorded by staff");
        }
    }

    public Long getId() {
        return id;
    }

    public Booking getBooking() {
        return booking;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public String getCurrency() {
        return currency;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public User getRecordedBy() {
        return recordedBy;
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
