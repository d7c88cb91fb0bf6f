-- Evently domain schema. Flyway owns it: Hibernate neither generates nor alters it (hbm2ddl.auto = none).
-- Every sequence steps by 50 to match @SequenceGenerator(allocationSize = 50): Hibernate's pooled
-- optimizer then hands out 50 ids per round trip, so a 10,000-seat map costs 200 nextval calls, not 10,000.
-- The column defaults draw from the same sequences for hand-written SQL: pooled takes the 50 ids up to each value
-- it draws, a default takes only the value itself, so the two never collide.

create sequence users_seq increment by 50;
create sequence events_seq increment by 50;
create sequence bookings_seq increment by 50;
create sequence seats_seq increment by 50;
create sequence tickets_seq increment by 50;
create sequence waitlist_entries_seq increment by 50;
create sequence outbox_seq increment by 50;

create table users (
    id            bigint       primary key default nextval('users_seq'),
    email         varchar(254) not null,
    password_hash varchar(255) not null,
    name          varchar(200) not null,
    role          varchar(16)  not null check (role in ('USER', 'ADMIN')),
    created_at    timestamptz  not null default now()
);
-- Mail providers treat the local part case-insensitively in practice: Bob@x.io and bob@x.io are one person.
create unique index users_email_key on users (lower(email));

create table events (
    id             bigint       primary key default nextval('events_seq'),
    name           varchar(200) not null,
    description    text,
    venue          varchar(200) not null,
    start_time     timestamptz  not null,
    end_time       timestamptz  not null,
    status         varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    total_capacity integer      not null default 0 check (total_capacity >= 0),
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    version        bigint       not null default 0,
    constraint events_time_order check (end_time > start_time)
);
create index events_status_start_idx on events (status, start_time);

create table bookings (
    id                bigint       primary key default nextval('bookings_seq'),
    user_id           bigint       not null references users (id),
    event_id          bigint       not null references events (id),
    status            varchar(16)  not null check (status in ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
    total_cents       bigint       not null check (total_cents >= 0),
    expires_at        timestamptz  not null,
    idempotency_key   varchar(100),
    -- A retry with the same key but a different body is a client bug, not a retry: the hash tells them apart.
    request_hash      varchar(64),
    payment_reference varchar(100),
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    version           bigint       not null default 0,
    -- NULL keys are distinct, so requests without an Idempotency-Key never collide.
    constraint bookings_user_idempotency_key unique (user_id, idempotency_key)
);
-- The expiry sweep only ever looks at PENDING rows; the partial index stays small however many bookings pile up.
create index bookings_pending_expiry_idx on bookings (expires_at) where status = 'PENDING';
create index bookings_user_created_idx on bookings (user_id, created_at desc);
create index bookings_event_idx on bookings (event_id);

create table seats (
    id          bigint       primary key default nextval('seats_seq'),
    -- A seat map only exists with its event; an event with bookings is protected by the bookings FK instead.
    event_id    bigint       not null references events (id) on delete cascade,
    section     varchar(100) not null,
    row_label   varchar(10)  not null,
    number      integer      not null check (number > 0),
    label       varchar(200) not null,
    price_cents bigint       not null check (price_cents >= 0),
    status      varchar(16)  not null check (status in ('AVAILABLE', 'HELD', 'BOOKED')),
    booking_id  bigint       references bookings (id),
    version     bigint       not null default 0,
    constraint seats_position_key unique (event_id, section, row_label, number),
    -- A held or booked seat must say by whom, and a free one must not: a half-released seat can be sold twice.
    constraint seats_booking_matches_status check ((status = 'AVAILABLE') = (booking_id is null))
);
create index seats_event_status_idx on seats (event_id, status);
create index seats_booking_idx on seats (booking_id);

create table tickets (
    id            bigint       primary key default nextval('tickets_seq'),
    booking_id    bigint       not null references bookings (id),
    seat_id       bigint       not null references seats (id),
    code          varchar(512) not null,
    status        varchar(16)  not null check (status in ('VALID', 'VOID')),
    issued_at     timestamptz  not null default now(),
    checked_in_at timestamptz,
    constraint tickets_code_key unique (code)
);
-- The last line against overselling, under whatever the application locks get wrong: one live ticket per seat.
-- Voided tickets stay for the audit trail, so the rule cannot be a plain unique constraint.
create unique index tickets_live_seat_key on tickets (seat_id) where status = 'VALID';
create index tickets_booking_idx on tickets (booking_id);

create table waitlist_entries (
    id               bigint      primary key default nextval('waitlist_entries_seq'),
    user_id          bigint      not null references users (id),
    event_id         bigint      not null references events (id),
    seats_wanted     integer     not null check (seats_wanted between 1 and 10),
    status           varchar(16) not null check (status in ('WAITING', 'OFFERED', 'CONVERTED', 'EXPIRED', 'LEFT')),
    offer_booking_id bigint      references bookings (id),
    offered_until    timestamptz,
    joined_at        timestamptz not null default now(),
    version          bigint      not null default 0,
    -- An offer holds real seats for a limited time; without both the booking and the deadline nobody could release them.
    constraint waitlist_offer_complete check (status <> 'OFFERED' or (offer_booking_id is not null and offered_until is not null))
);
-- Finished entries (converted, expired, left) are history; only one live place in the queue per person and event.
create unique index waitlist_active_entry_key on waitlist_entries (user_id, event_id) where status in ('WAITING', 'OFFERED');
create index waitlist_queue_idx on waitlist_entries (event_id, status, joined_at);
create index waitlist_user_idx on waitlist_entries (user_id, joined_at desc);
create index waitlist_offer_booking_idx on waitlist_entries (offer_booking_id);

-- Written in the same transaction as the change it describes, so a broker outage delays events but never loses one.
create table outbox (
    id              bigint       primary key default nextval('outbox_seq'),
    aggregate_type  varchar(50)  not null,
    aggregate_id    varchar(100) not null,
    type            varchar(100) not null,
    payload         jsonb        not null,
    created_at      timestamptz  not null default now(),
    published_at    timestamptz,
    attempts        integer      not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz  not null default now(),
    last_error      text
);
-- The relay scans only unpublished rows in id order; published rows are the bulk and never need scanning.
create index outbox_unpublished_idx on outbox (id) where published_at is null;
