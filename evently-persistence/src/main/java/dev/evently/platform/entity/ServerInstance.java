package dev.evently.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A running server instance, kept alive by its heartbeat timer; several share one database. */
@Entity
@Table(name = "server_instances")
public class ServerInstance {

    @Id
    private String id;

    @Column(nullable = false)
    private String host;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(nullable = false)
    private long beats;

    protected ServerInstance() {
    }

    public ServerInstance(String id, String host, Instant startedAt) {
        this.id = id;
        this.host = host;
        this.startedAt = startedAt;
        this.lastSeenAt = startedAt;
        this.beats = 1;
    }

    public void beat(Instant now) {
        if (now.isAfter(lastSeenAt)) {
            lastSeenAt = now;
        }
        beats++;
    }

    public boolean isAlive(Instant now, java.time.Duration tolerance) {
        return !lastSeenAt.plus(tolerance).isBefore(now);
    }

    public String getId() {
        return id;
    }

    public String getHost() {
        return host;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public long getBeats() {
        return beats;
    }
}
