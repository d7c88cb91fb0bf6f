-- Outgoing webhooks (webhook.boundary): endpoints admins register, and one delivery per endpoint for every published
-- domain event of a type the endpoint wants. The webhooks consumer records the deliveries in its own transaction, and
-- WebhookSender posts them afterwards, outside any sale's or consumer's transaction: a slow receiver delays nothing
-- but its own deliveries.
CREATE TABLE webhook_endpoints (
    id              bigserial     PRIMARY KEY,
    url             varchar(2000) NOT NULL,
    -- the DomainEvents type names wanted, such as booking.confirmed
    event_types     text[]        NOT NULL,
    -- the HMAC key of the Evently-Signature header; shown to the admin once, when the endpoint is made
    secret          varchar(100)  NOT NULL,
    enabled         boolean       NOT NULL DEFAULT true,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    disabled_at     timestamptz,
    disabled_reason varchar(500),
    -- since when every attempt has failed (null while the last attempt succeeded): disabled once it is older than
    -- the give-up time
    failing_since   timestamptz
);

CREATE TABLE webhook_deliveries (
    id                 bigserial    PRIMARY KEY,
    endpoint_id        bigint       NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- the domain event's id (the envelope's id), sent as Evently-Event-Id for the receiver to de-duplicate
    event_id           varchar(100) NOT NULL,
    event_type         varchar(100) NOT NULL,
    -- the envelope exactly as published: the body of every attempt, byte for byte
    payload            text         NOT NULL,
    -- PENDING, DELIVERED (a 2xx answer), or FAILED (no 2xx for the give-up time after the first attempt)
    status             varchar(10)  NOT NULL DEFAULT 'PENDING',
    attempts           integer      NOT NULL DEFAULT 0,
    -- when to try next; while a sender waits for the receiver's answer, the end of its lease
    next_attempt_at    timestamptz  NOT NULL DEFAULT now(),
    first_attempted_at timestamptz,
    last_attempted_at  timestamptz,
    last_status_code   integer,
    last_latency_ms    bigint,
    last_error         varchar(500),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    delivered_at       timestamptz,
    -- when it was delivered or given up, for the retention
    settled_at         timestamptz,
    CONSTRAINT webhook_deliveries_event_key UNIQUE (endpoint_id, event_id)
);
-- The sender takes the oldest pending delivery of each endpoint (one at a time per endpoint, in order).
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (endpoint_id, id) WHERE status = 'PENDING';
-- The delivery log: an endpoint's newest first.
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_settled_idx ON webhook_deliveries (settled_at) WHERE settled_at IS NOT NULL;
