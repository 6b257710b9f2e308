-- The history of business records (written by the audit module from RecordChanged events).
create table record_history (
    id          bigint generated always as identity primary key,
    record_type text        not null,
    record_id   bigint      not null,
    action      text        not null,
    actor_id    bigint,
    at          timestamptz not null,
    changes     jsonb       not null default '[]'
);
-- A record's page reads its newest entries first.
create index record_history_record_idx on record_history (record_type, record_id, id desc);
