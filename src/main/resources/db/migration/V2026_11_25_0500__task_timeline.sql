-- Tasks in the client's and the deal's timeline (TaskTimeline): a task stands where it last
-- happened, when it was done or, while open, when it was set. One index range per subject,
-- newest first, keyset by (that moment, id).
create index tasks_client_timeline_idx on tasks (client_id, (coalesce(done_at, created_at)) desc, id desc)
    where deleted_at is null and client_id is not null;
create index tasks_deal_timeline_idx on tasks (deal_id, (coalesce(done_at, created_at)) desc, id desc)
    where deleted_at is null and deal_id is not null;
