-- Interactions with clients (activities module): calls, e-mails, SMS, meetings, visits, notes
-- and messenger messages as one kind of record, planned or done. The fields of one kind
-- only (a call's direction, duration, result and recording; a meeting's place; a
-- messenger's name) are nullable columns of the one table.
create table interactions (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('CALL', 'EMAIL', 'SMS', 'MEETING', 'VISIT', 'NOTE', 'MESSENGER')),
    state            text        not null check (state in ('PLANNED', 'DONE', 'CANCELLED')),
    -- when it happens in the timeline: the planned time while planned (or cancelled), the
    -- time it was done once done; timelines and lists sort by it
    at               timestamptz not null,
    planned_at       timestamptz,
    done_at          timestamptz,
    client_id        bigint      not null references clients (id),
    contact_id       bigint      references contacts (id),
    deal_id          bigint      references deals (id),
    subject          text        not null check (length(btrim(subject)) between 1 and 300),
    result           text,
    minutes_spent    int         check (minutes_spent between 0 and 100000),
    responsible_id   bigint      not null references users (id),
    direction        text        check (direction in ('INCOMING', 'OUTGOING')),
    duration_seconds int         check (duration_seconds between 0 and 864000),
    call_result      text        check (call_result in ('ANSWERED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'FAILED')),
    recording_url    text,
    place            text,
    channel          text,
    -- the interaction whose completion planned this one ("plan the next one")
    follows_id       bigint      references interactions (id),
    created_at       timestamptz not null,
    created_by       bigint      references users (id),
    updated_at       timestamptz not null,
    updated_by       bigint      references users (id),
    deleted_at       timestamptz,
    deleted_by       bigint      references users (id),
    version          bigint      not null default 0,
    check ((state = 'DONE') = (done_at is not null)),
    check (state = 'DONE' or planned_at is not null),
    check (kind = 'CALL' or (direction is null and duration_seconds is null and call_result is null and recording_url is null))
);

-- A client's timeline and a deal's timeline (keyset on at, id, newest first). Not partial:
-- they also answer the foreign key checks when a client or deal is purged.
create index interactions_client_at_idx on interactions (client_id, at desc, id desc);
create index interactions_deal_at_idx on interactions (deal_id, at desc, id desc);
create index interactions_contact_idx on interactions (contact_id, at desc, id desc);
create index interactions_follows_idx on interactions (follows_id);
-- What an executor has planned, by time: the calendar and the reminders read this.
create index interactions_planned_idx on interactions (responsible_id, state, planned_at);
-- The list: everyone's newest first (an administrator), one person's newest first (their
-- own interactions, the first branch of a manager's access condition).
create index interactions_at_idx on interactions (at desc, id desc) where deleted_at is null;
create index interactions_responsible_at_idx on interactions (responsible_id, at desc, id desc) where deleted_at is null;
create index interactions_deleted_idx on interactions (deleted_at desc, id) where deleted_at is not null;

-- Who takes part: users and contact persons (one of the two per row).
create table interaction_participants (
    interaction_id bigint not null references interactions (id) on delete cascade,
    user_id        bigint references users (id),
    contact_id     bigint references contacts (id),
    check (num_nonnulls(user_id, contact_id) = 1)
);
create unique index interaction_participants_user_idx on interaction_participants (interaction_id, user_id)
    where user_id is not null;
create unique index interaction_participants_contact_idx on interaction_participants (interaction_id, contact_id)
    where contact_id is not null;
-- The interactions a user takes part in (the access condition's participant branch).
create index interaction_participants_by_user_idx on interaction_participants (user_id, interaction_id)
    where user_id is not null;
create index interaction_participants_by_contact_idx on interaction_participants (contact_id);

-- The list's quick text: part of the subject.
create index interactions_subject_trgm_idx on interactions using gin (lower(subject) gin_trgm_ops)
    where deleted_at is null;
