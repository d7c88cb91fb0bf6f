package dev.evently.platform.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A probe message that travelled broker → MDB → database; counts redeliveries instead of duplicating. */
@Entity
@Table(name = "message_probes")
public class MessageProbe {

    @Id
    @Column(name = "probe_id")
    private String probeId;

    @Column(nullable = false)
    private String body;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(nullable = false)
    private int deliveries;

    protected MessageProbe() {
    }

    public MessageProbe(String probeId, String body, Instant receivedAt) {
        this.probeId = probeId;
        this.body = body;
        this.receivedAt = receivedAt;
        this.deliveries = 1;
    }

    public void redelivered() {
        deliveries++;
    }

    public String getProbeId() {
        return probeId;
    }

    public String getBody() {
        return body;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public int getDeliveries() {
        return deliveries;
    }
}
