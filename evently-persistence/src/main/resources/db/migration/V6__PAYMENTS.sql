-- Payments for real: a booking is confirmed only against money the payment provider (or staff, for cash and
-- card terminals) recorded; a paid booking that ends is refunded.

-- What a booking costs is in one currency, fixed when it is made (evently.payments.currency).
ALTER TABLE bookings ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$');
-- A paid booking that is cancelled owes its money back (REFUND_PENDING) until the refunds succeeded (REFUNDED).
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUND_PENDING', 'REFUNDED'));
-- Why a booking ended when its buyer did not end it: event-cancelled, seats-taken (paid after its hold expired).
ALTER TABLE bookings ADD COLUMN end_reason varchar(30);

CREATE SEQUENCE payments_seq INCREMENT BY 50;
CREATE TABLE payments (
    id                 bigint       PRIMARY KEY DEFAULT nextval('payments_seq'),
    booking_id         bigint       NOT NULL REFERENCES bookings (id),
    method             varchar(16)  NOT NULL CHECK (method IN ('PROVIDER', 'CASH', 'CARD_TERMINAL')),
    status             varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    amount_cents       bigint       NOT NULL CHECK (amount_cents > 0),
    currency           char(3)      NOT NULL,
    -- the provider's id of the payment (or of the staff record): the same money is never counted twice
    provider_reference varchar(100) UNIQUE,
    checkout_url       varchar(2000),
    -- staff who recorded money taken outside the provider, and what they noted
    recorded_by        bigint       REFERENCES users (id),
    note               varchar(500),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    completed_at       timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT payments_manual_recorded CHECK (method = 'PROVIDER' OR recorded_by IS NOT NULL)
);
CREATE INDEX payments_booking_idx ON payments (booking_id);
-- One open checkout per booking: a second request for one gets the one already open.
CREATE UNIQUE INDEX payments_one_open_per_booking ON payments (booking_id) WHERE status = 'PENDING';

CREATE SEQUENCE refunds_seq INCREMENT BY 50;
CREATE TABLE refunds (
    id                 bigint       PRIMARY KEY DEFAULT nextval('refunds_seq'),
    payment_id         bigint       NOT NULL REFERENCES payments (id),
    booking_id         bigint       NOT NULL REFERENCES bookings (id),
    -- REQUESTED: owed, not yet accepted by the provider; PENDING: accepted, its outcome not reported yet
    status             varchar(16)  NOT NULL CHECK (status IN ('REQUESTED', 'PENDING', 'SUCCEEDED', 'FAILED')),
    amount_cents       bigint       NOT NULL CHECK (amount_cents > 0),
    currency           char(3)      NOT NULL,
    reason             varchar(30)  NOT NULL,
    provider_reference varchar(100) UNIQUE,
    attempts           integer      NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz  NOT NULL DEFAULT now(),
    last_error         text,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    completed_at       timestamptz,
    version            bigint       NOT NULL DEFAULT 0,
    -- a payment is refunded at most once (whole): a second refund of the same money cannot be written
    CONSTRAINT refunds_one_per_payment UNIQUE (payment_id)
);
CREATE INDEX refunds_booking_idx ON refunds (booking_id);
CREATE INDEX refunds_due_idx ON refunds (next_attempt_at) WHERE status = 'REQUESTED';
