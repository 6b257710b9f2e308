-- A record's history by time (the audit module's table): timelines merge it with
-- interactions and stage changes by time and page it by (at, id), one index range per
-- record.
create index record_history_timeline_idx on record_history (record_type, record_id, at desc, id desc);
