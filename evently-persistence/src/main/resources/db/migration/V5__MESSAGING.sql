-- Messaging: what the outbox relay and the consumers need.

-- The request (or message) that caused an outbox row, carried to the broker as the JMS correlation id.
ALTER TABLE outbox ADD COLUMN correlation_id varchar(100);

-- A booking made by the waitlist to hold released seats for the next person in line (an offer). Its
-- confirmation, cancellation or expiry settles the waitlist entry in the same transaction.
ALTER TABLE bookings ADD COLUMN waitlist_offer boolean NOT NULL DEFAULT false;

-- Idempotent consumers: each consumer records the ids of the messages it has processed in the same
-- transaction as their effect, so a redelivered message changes nothing a second time.
CREATE TABLE consumed_messages (
    consumer    varchar(50)  NOT NULL,
    message_id  varchar(100) NOT NULL,
    consumed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

-- Sales figures per event and day (UTC), kept by the analytics consumer from the domain events.
CREATE TABLE event_daily_stats (
    event_id        bigint  NOT NULL REFERENCES events (id),
    day             date    NOT NULL,
    bookings        integer NOT NULL DEFAULT 0,
    seats_sold      integer NOT NULL DEFAULT 0,
    revenue_cents   bigint  NOT NULL DEFAULT 0,
    cancellations   integer NOT NULL DEFAULT 0,
    expiries        integer NOT NULL DEFAULT 0,
    waitlist_joins  integer NOT NULL DEFAULT 0,
    waitlist_offers integer NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, day)
);
CREATE INDEX event_daily_stats_day_idx ON event_daily_stats (day);
