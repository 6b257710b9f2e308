-- A manager's deal list in its default order (newest first): the deals they are responsible
-- for are one backward range of this index, read a page at a time; the deals they
-- co-execute (a few hundred at most) come from the co-executors' GIN index, and the two are
-- merged in order (DealList, RecordListQuery's branches). deals_responsible_idx leads with
-- the state, so it cannot give the creation order across states.
create index deals_responsible_created_idx on deals (responsible_id, created_at, id) where deleted_at is null;
