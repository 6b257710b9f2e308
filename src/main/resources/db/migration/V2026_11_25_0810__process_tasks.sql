-- The open actions of running route maps, one row per user task of the engine, kept in the
-- engine's transaction by the processes module (decision 0015). "My tasks" reads a person's
-- rows through process_tasks_assignee_idx on every view; the engine's own task table has no
-- index on its assignee (and is created by the engine, after the migrations).
create table process_tasks (
    task_id             text        primary key,
    process_instance_id text        not null,
    activity_id         text        not null,
    name                text        not null,
    deal_id             bigint      references deals (id),
    assignee_id         bigint      references users (id),
    due_at              timestamptz,
    created_at          timestamptz not null,
    -- when the assignee first opened it: until then it is new ("attention") in My tasks
    opened_at           timestamptz
);

create index process_tasks_assignee_idx on process_tasks (assignee_id, (due_at is null), due_at, created_at)
    where assignee_id is not null;
create index process_tasks_deal_idx on process_tasks (deal_id) where deal_id is not null;
create index process_tasks_process_idx on process_tasks (process_instance_id);
