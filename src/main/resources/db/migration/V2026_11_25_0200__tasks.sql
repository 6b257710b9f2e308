-- Tasks and the work items of the sales conveyor: one table, told apart by kind (decision 0009).
--
-- The deadline is a calendar day (due_on, in the installation's time zone, as the pages show
-- days) and, when the user gave a time, the instant (due_at, on that day). "My tasks" groups
-- by the day; a task with a time is overdue from its instant, a task for the whole day from
-- the next day.
create table tasks (
    id              bigint generated always as identity primary key,
    kind            text        not null default 'TASK' check (kind in ('TASK', 'WORK_ITEM')),
    title           text        not null check (length(btrim(title)) between 1 and 300),
    description     text,
    executor_id     bigint      not null references users (id),
    author_id       bigint      not null references users (id),
    state           text        not null check (state in ('NEW', 'IN_PROGRESS', 'DONE')),
    priority        text        not null default 'NORMAL' check (priority in ('LOW', 'NORMAL', 'HIGH')),
    due_on          date,
    due_at          timestamptz,
    remind_at       timestamptz,
    reminded_at     timestamptz,
    -- the remind_at the reminder fired for: moving remind_at arms it again
    reminded_for    timestamptz,
    client_id       bigint      references clients (id),
    contact_id      bigint      references contacts (id),
    deal_id         bigint      references deals (id),
    -- the step before this one of a work item chain, and the chain's first step (null on
    -- the first step itself: its own id names the chain)
    previous_id     bigint      references tasks (id),
    chain_id        bigint      references tasks (id),
    -- when the executor first opened it: until then a new work item is highlighted
    first_opened_at timestamptz,
    result          text,
    spent_minutes   int         not null default 0 check (spent_minutes between 0 and 1000000),
    done_at         timestamptz,
    done_by         bigint      references users (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    deleted_at      timestamptz,
    deleted_by      bigint      references users (id),
    version         bigint      not null default 0,
    check (due_at is null or due_on is not null),
    check ((state = 'DONE') = (done_at is not null)),
    check (chain_id is null or previous_id is not null),
    check (contact_id is null or client_id is not null),
    check (deal_id is null or client_id is not null)
);

-- "My tasks": an executor's open tasks by deadline (no deadline last). The groups' counters
-- are one index-only scan of this index for one executor, the groups' rows an index range
-- each.
create index tasks_executor_open_idx on tasks (executor_id, coalesce(due_on, date '9999-12-31'), id)
    include (due_on, due_at, state, kind) where deleted_at is null and state <> 'DONE';
-- The recently done ones of an executor.
create index tasks_executor_done_idx on tasks (executor_id, done_at desc, id) where deleted_at is null and state = 'DONE';
-- Lists of all states by deadline (the API's list): for an executor, an author, everyone.
create index tasks_executor_idx on tasks (executor_id, coalesce(due_on, date '9999-12-31'), id) where deleted_at is null;
create index tasks_author_idx on tasks (author_id, coalesce(due_on, date '9999-12-31'), id) where deleted_at is null;
create index tasks_due_idx on tasks (coalesce(due_on, date '9999-12-31'), id) where deleted_at is null;
create index tasks_created_idx on tasks (created_at, id) where deleted_at is null;
-- A client's, a contact's, a deal's tasks; these also check the foreign keys on deletion.
create index tasks_client_idx on tasks (client_id, state) where client_id is not null;
create index tasks_contact_idx on tasks (contact_id) where contact_id is not null;
create index tasks_deal_idx on tasks (deal_id) where deal_id is not null;
create index tasks_previous_idx on tasks (previous_id) where previous_id is not null;
create index tasks_chain_idx on tasks (chain_id, id) where chain_id is not null;
-- Reminders still to fire (ReminderFiring claims them).
create index tasks_remind_idx on tasks (remind_at) where remind_at is not null
    and reminded_for is distinct from remind_at and deleted_at is null and state <> 'DONE';
create index tasks_deleted_idx on tasks (deleted_at desc, id) where deleted_at is not null;
