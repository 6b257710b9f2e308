-- The calendar (issue 7): private iCalendar feeds and bookable meeting rooms.

-- A user's feed of their planned items, for Outlook, Google or Thunderbird to subscribe to.
-- The address holds a secret; only its hash is kept. A new secret revokes the old address.
create table calendar_feeds (
    user_id     bigint      primary key references users (id),
    secret_hash bytea       not null unique,
    created_at  timestamptz not null default now()
);

create extension if not exists btree_gist;

create table meeting_rooms (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(btrim(name)) between 1 and 100),
    capacity   int         check (capacity between 1 and 10000),
    active     boolean     not null default true,
    created_at timestamptz not null default now()
);

create unique index meeting_rooms_name_key on meeting_rooms (lower(name));

-- A room is booked for one thing at a time: the database refuses an overlapping booking,
-- whichever node or user tries (exclusion constraint on the room and the time range).
create table room_bookings (
    id           bigint generated always as identity primary key,
    room_id      bigint      not null references meeting_rooms (id),
    booked_by    bigint      not null references users (id),
    title        text        not null check (length(btrim(title)) between 1 and 300),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    subject_kind text        check (subject_kind ~ '^[a-z][a-z-]{0,29}$'),
    subject_id   bigint,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    check (ends_at > starts_at),
    constraint room_bookings_no_overlap
        exclude using gist (room_id with =, tstzrange(starts_at, ends_at) with &&)
);

create index room_bookings_room_idx on room_bookings (room_id, starts_at);
create index room_bookings_booked_by_idx on room_bookings (booked_by, starts_at);
