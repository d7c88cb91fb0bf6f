-- Operational tables: which server instances are alive (EJB timer heartbeat) and which
-- messaging probes reached an MDB (end-to-end check of the broker path).

CREATE TABLE server_instances (
    id           varchar(200) PRIMARY KEY,
    host         varchar(200) NOT NULL,
    started_at   timestamptz  NOT NULL,
    last_seen_at timestamptz  NOT NULL,
    beats        bigint       NOT NULL DEFAULT 1 CHECK (beats > 0)
);

-- Keyed by the probe id the sender chose, so a redelivered probe is recorded once.
CREATE TABLE message_probes (
    probe_id     varchar(100) PRIMARY KEY,
    body         text         NOT NULL,
    received_at  timestamptz  NOT NULL,
    deliveries   int          NOT NULL DEFAULT 1 CHECK (deliveries > 0)
);
