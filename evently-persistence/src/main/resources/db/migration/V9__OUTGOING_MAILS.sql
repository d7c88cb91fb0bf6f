-- The mail outbox (notification.control.MailQueue): the notifications consumer records the mails a domain event
-- owes in its own transaction, and OutgoingMails sends them afterwards, outside any consumer's transaction. A mail
-- is therefore sent only once it is committed, and a commit that fails (the database going away mid-sale) can no
-- longer follow a mail that went out and have the broker redeliver its event for a second one.
CREATE TABLE outgoing_mails (
    id              bigserial    PRIMARY KEY,
    -- the domain event that owed the mail, for operators
    cause           varchar(100) NOT NULL,
    -- the Message-ID's left part, the same for every attempt: a mail sent again after a crash names itself again
    message_id      varchar(100) NOT NULL,
    recipient       varchar(320) NOT NULL,
    subject         varchar(500) NOT NULL,
    body            text         NOT NULL,
    -- PENDING, SENT, or FAILED when the mail server refused it at every attempt
    status          varchar(10)  NOT NULL DEFAULT 'PENDING',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    -- when to try next; while a sender works on the mail, the end of its lease
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(500),
    settled_at      timestamptz
);
CREATE INDEX outgoing_mails_due_idx ON outgoing_mails (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX outgoing_mails_settled_idx ON outgoing_mails (settled_at) WHERE settled_at IS NOT NULL;
