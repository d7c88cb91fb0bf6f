-- The audit log (audit.control.AuditRecords): what staff did in the console, by whom, when and from where, with the
-- state before and after where there is one, for admins to search. Rows are only ever added, never changed.
-- It is NOT purged by the retention (platform.boundary.Retention): a record of who did what is kept for as long as
-- the business needs it, which is longer than any of the retention's operational tables; removing old rows, if ever,
-- is a deliberate act of its own.
CREATE TABLE audit_log (
    id             bigserial    PRIMARY KEY,
    -- the database's clock, one for every instance: entries order by it across the cluster
    at             timestamptz  NOT NULL DEFAULT now(),
    -- who acted, as they were then; no foreign key: the entry outlives the account, and the email says who it was
    -- once the id names nobody. Both null when nobody signed in (the email typed at a refused sign-in is kept)
    actor_id       bigint,
    actor_email    varchar(320),
    -- what happened, a stable dotted name such as console.signed-in, ticket.checked-in, ticket.check-in-refused
    action         varchar(60)  NOT NULL,
    -- what it happened to, such as "ticket 123" or "user 7"
    subject        varchar(100),
    -- small JSON documents of the facts that changed or explain the action; never a secret or a whole ticket code
    before         jsonb,
    after          jsonb,
    -- the address the request came from, as the server saw it
    client_address varchar(64)
);
-- Admins read the newest first, and one person's actions over a time.
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_at_idx ON audit_log (actor_id, at);
