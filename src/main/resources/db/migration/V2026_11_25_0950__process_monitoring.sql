-- What the monitoring page of heads needs from the open actions of running processes,
-- read from our own table rather than the engine's (decision 0017): the map and version a
-- process runs on, when it started, and whether an action passed its deadline and went
-- up to a head (from whom, when).
alter table process_tasks add column process_definition_key text;
alter table process_tasks add column process_definition_version integer;
alter table process_tasks add column process_started_at timestamptz;
alter table process_tasks add column escalated_at timestamptz;
alter table process_tasks add column escalated_from_id bigint references users (id);

-- Rows written before this migration: the engine's tables hold the map and the start
-- (they exist on a database that already ran processes; on a new one there is nothing).
do $$
begin
    if to_regclass('flowable.act_ru_execution') is not null then
        execute $sql$
            update process_tasks t
               set process_definition_key = d.key_, process_definition_version = d.version_,
                   process_started_at = e.start_time_
              from flowable.act_ru_execution e join flowable.act_re_procdef d on d.id_ = e.proc_def_id_
             where e.id_ = t.process_instance_id
        $sql$;
    end if;
end
$$;

-- The monitoring list: everything (an administrator) by how long the action waits, and one
-- map's actions the same way (the version is shown, not filtered). The counts per map and
-- version are one grouped index-only scan of the reader's rows: about 80 ms for an
-- administrator over 100,000 running processes on PostgreSQL 15, a few ms for a head's
-- department (decision 0017).
create index process_tasks_waiting_idx on process_tasks (created_at, task_id);
create index process_tasks_map_idx on process_tasks (process_definition_key, created_at, task_id);
create index process_tasks_counts_idx on process_tasks (process_definition_key, process_definition_version, process_instance_id)
    include (due_at);
create index process_tasks_escalated_from_idx on process_tasks (escalated_from_id) where escalated_from_id is not null;
