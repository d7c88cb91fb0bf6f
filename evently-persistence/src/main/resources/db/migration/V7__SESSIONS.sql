-- Sessions that can end: short access tokens renewed with rotating refresh tokens, and revocations every
-- instance learns within a second. Staff roles for the console.

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('USER', 'BOX_OFFICE', 'DOOR', 'ADMIN'));

-- A refresh token is kept only as its SHA-256; each is used once and replaced by the next of its family. A used
-- one presented again means it was stolen: the whole family (that login's session) is revoked.
CREATE TABLE refresh_tokens (
    id          bigserial    PRIMARY KEY,
    user_id     bigint       NOT NULL REFERENCES users (id),
    family      uuid         NOT NULL,
    token_hash  char(64)     NOT NULL UNIQUE,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family);

-- What access tokens no longer count, in the order they were revoked (instances read what is new): one token
-- (jti), or every token of one session (the refresh family its access tokens name in their sid claim). A row is
-- needed only until expires_at, the longest an access token it names can live.
CREATE TABLE revocations (
    id          bigserial    PRIMARY KEY,
    user_id     bigint       NOT NULL,
    jti         varchar(64),
    session     uuid,
    expires_at  timestamptz  NOT NULL,
    CONSTRAINT revocations_one_kind CHECK ((jti IS NULL) <> (session IS NULL))
);
CREATE INDEX revocations_expires_idx ON revocations (expires_at);
