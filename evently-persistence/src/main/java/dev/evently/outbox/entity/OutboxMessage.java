package dev.evently.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;

import dev.evently.outbox.event.DomainEventType;
import dev.evently.platform.tracing.Correlation;

@Entity
@Table(name = "outbox")
public class OutboxMessage {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** Short enough that a backlog drains soon after the broker is back, long enough not to hammer it. */
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
    private Long id;

    @Column(name = "aggregate_type", nullable = false, length = 50, updatable = false)
    private String aggregateType;

    /** Also the message key, so consumers see one aggregate's events in order. */
    @Column(name = "aggregate_id", nullable = false, length = 100, updatable = false)
    private String aggregateId;

    @Column(nullable = false, length = 100, updatable = false)
    private String type;

    // The driver sends strings as varchar, which PostgreSQL will not assign to jsonb without the cast.
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", columnDefinition = "text")
    private String lastError;

    @Column(name = "correlation_id", length = 100, updatable = false)
    private String correlationId;

    protected OutboxMessage() {
    }

    /** The domain event of {@code type} with {@code payload}, to be published after the transaction commits. */
    public static <P extends Record> OutboxMessage of(DomainEventType<P> type, P payload, Instant now) {
        return new OutboxMessage(type.aggregateType(), type.aggregateId(payload), type.name(), type.toJson(payload), now);
    }

    /** @param payload the event as a JSON document */
    OutboxMessage(String aggregateType, String aggregateId, String type, String payload, Instant now) {
        this.aggregateType = Objects.requireNonNull(aggregateType, "aggregateType");
        this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
        this.type = Objects.requireNonNull(type, "type");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
        this.correlationId = Correlation.current();
    }

    /** Backs off exponentially, so a broker outage is not met with a storm of retries. */
    public void recordFailure(String error, Instant now) {
        attempts++;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        nextAttemptAt = now.plus(backoff(attempts));
    }

    static Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public boolean isDue(Instant now) {
        return publishedAt == null && !now.isBefore(nextAttemptAt);
    }

    public Long getId() {
        return id;
    }

    public String getAggregateType() {
        return aggregateType;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public String getType() {
        return type;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    /** The request or message that caused this event; null when it came from a timer. */
    public String getCorrelationId() {
        return correlationId;
    }

    public String getLastError() {
        return lastError;
    }
}
