-- Instructions (поручения, issue 8): an author gives one to an executor; the shipped route
-- map "instruction" runs its cycle (accept, do and report, check, accepted or returned),
-- its steps in process_tasks like any action (decision 0016). This table is what the pages
-- list and what access is decided on; instruction_events is the cycle's history.
create table instructions (
    id                  bigint generated always as identity primary key,
    title               text        not null check (length(title) between 1 and 300),
    description         text        check (length(description) <= 10000),
    author_id           bigint      not null references users (id),
    executor_id         bigint      not null references users (id),
    -- the deadline: a day, or a moment (due_at) on that day
    due_on              date,
    due_at              timestamptz,
    remind_at           timestamptz,
    client_id           bigint      references clients (id),
    contact_id          bigint      references contacts (id),
    deal_id             bigint      references deals (id),
    state               text        not null check (state in ('GIVEN', 'ACCEPTED', 'REPORTED', 'RETURNED', 'DONE')),
    process_instance_id text,
    created_at          timestamptz not null,
    done_at             timestamptz,
    version             bigint      not null default 0,
    check (due_at is null or due_on is not null)
);

-- "given by me" / "given to me", newest first, keyset on id: one index range each, and one
-- per state for the lists filtered by it (a rare state would otherwise walk the person's
-- whole range)
create index instructions_author_idx on instructions (author_id, id desc);
create index instructions_executor_idx on instructions (executor_id, id desc);
create index instructions_author_state_idx on instructions (author_id, state, id desc);
create index instructions_executor_state_idx on instructions (executor_id, state, id desc);
create index instructions_client_idx on instructions (client_id) where client_id is not null;
create index instructions_contact_idx on instructions (contact_id) where contact_id is not null;
create index instructions_deal_idx on instructions (deal_id) where deal_id is not null;

create table instruction_events (
    id             bigint generated always as identity primary key,
    instruction_id bigint      not null references instructions (id),
    kind           text        not null check (kind in ('GIVEN', 'ACCEPTED', 'REPORTED', 'RETURNED', 'DONE')),
    by_id          bigint      not null references users (id),
    text           text        check (length(text) <= 10000),
    at             timestamptz not null
);

create index instruction_events_instruction_idx on instruction_events (instruction_id, id);
create index instruction_events_by_idx on instruction_events (by_id);

-- An action of a process that is no deal's: an instruction's step, in its people's My tasks.
-- A deadline that is a whole day keeps the day's start in due_at and says so.
alter table process_tasks add column instruction_id bigint references instructions (id);
alter table process_tasks add column due_all_day boolean not null default false;
create index process_tasks_instruction_idx on process_tasks (instruction_id) where instruction_id is not null;
