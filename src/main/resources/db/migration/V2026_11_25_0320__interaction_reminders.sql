-- A planned call, meeting or visit reminds its executor shortly before it (ReminderFiring).
-- reminded_for is the planned time the reminder fired for: moving the interaction arms it
-- again. The index holds only the planned interactions whose reminder has not fired.
alter table interactions add column reminded_for timestamptz;

create index interactions_remind_idx on interactions (planned_at)
    where state = 'PLANNED' and deleted_at is null and reminded_for is distinct from planned_at;
