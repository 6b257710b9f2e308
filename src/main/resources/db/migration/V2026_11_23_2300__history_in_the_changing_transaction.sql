-- History is now written in the transaction of the change (docs/decisions/0002). Changes whose
-- history the former after-commit listener had not written yet (a crash, a stop) become
-- history rows here, and their publications go: nothing would handle them any more.
insert into record_history (record_type, record_id, action, actor_id, at, changes)
select e ->> 'recordType', (e ->> 'recordId')::bigint, e ->> 'action', (e ->> 'actorId')::bigint,
       (e ->> 'at')::timestamptz, coalesce(e -> 'changes', '[]')
  from (select serialized_event::jsonb as e from event_publication
         where listener_id = 'io.clientele.audit.internal.HistoryRecorder.on(io.clientele.shared.RecordChanged)'
           and completion_date is null) pending;

delete from event_publication
 where listener_id = 'io.clientele.audit.internal.HistoryRecorder.on(io.clientele.shared.RecordChanged)';
