-- Retention (platform.boundary.Retention): rows needed only for a while are purged in small batches once they are
-- older than evently.retention. Each batch finds its rows by their age in an index, so it reads what it deletes and
-- nothing else, however large the table has grown.
-- Plain CREATE INDEX, in Flyway's transaction: writes to each table wait while its index builds (2-3 s per
-- million rows on a small machine). CONCURRENTLY would let them go on, but it cannot run in a transaction,
-- and it waits for every open transaction, Flyway's own (which holds its migration lock) and a second instance's
-- waiting for that lock included.

-- Published rows only: the relay finds unpublished ones with outbox_unpublished_idx, and they are never purged.
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

CREATE INDEX consumed_messages_consumed_idx ON consumed_messages (consumed_at);

-- Only bookings that still carry an Idempotency-Key: once it is cleared, the booking leaves this index.
CREATE INDEX bookings_idempotency_created_idx ON bookings (created_at) WHERE idempotency_key IS NOT NULL;

CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
