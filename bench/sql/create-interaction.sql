-- POST /api/v1/interactions as the manager m007 (a done outgoing call logged on one of
-- their clients): the statements of the request (captured with
-- log_min_duration_statement = 0): the token; the actor's scope; the client's owner and
-- its contact persons; the insert; the room it holds (none); the names for the history,
-- the deputyship check and the history row; the answer's room and names, all in one
-- transaction (the answer is the interaction as written, not read back).
-- Variables: token, client_id, today. (The history's JSON has a space after each colon:
-- pgbench would take ":false" for a variable.)
-- name: auth
select u.id, u.username, u.password_hash, u.full_name, u.role, u.department_id, d.name as department_name,
         u.locale, u.active, u.must_change_password, t.last_used_at
    from users u join departments d on d.id = u.department_id
   join api_tokens t on t.user_id = u.id
   where t.token_hash = decode(:token, 'hex') and t.revoked_at is null and u.active \gset auth_
BEGIN;
select u.role, array(select d.user_id from user_deputies d
                        where d.deputy_id = u.id and cast(:today as date) between d.starts_on and d.ends_on)
    from users u where u.id = :auth_id;
select user_id from user_deputies where deputy_id = :auth_id and cast(:today as date) between starts_on and ends_on;
select segment_id from segment_grants where user_id = any(array[cast(:auth_id as bigint)]);
select responsible_id, segment_ids from clients where id = :client_id and deleted_at is null;
select ct.id, ct.full_name from client_contacts cc join contacts ct on ct.id = cc.contact_id
   where cc.client_id = :client_id and ct.deleted_at is null and not cc.left_company
   order by lower(ct.full_name), ct.id;
insert into interactions (at,call_result,channel,client_id,contact_id,created_at,created_by,deal_id,deleted_at,deleted_by,direction,done_at,duration_seconds,follows_id,kind,minutes_spent,place,planned_at,planned_minutes,recording_url,responsible_id,result,state,subject,updated_at,updated_by,version) values (now(),'ANSWERED',NULL,:client_id,NULL,now(),:auth_id,NULL,NULL,NULL,'OUTGOING',now(),'180',NULL,'CALL','3',NULL,NULL,NULL,NULL,:auth_id,'Договорились о встрече','DONE','Бенчмарк: звонок',now(),:auth_id,'0')
  RETURNING * \gset new_
select b.id, b.room_id, r.name, b.booked_by, coalesce(u.full_name, ''), b.title, b.starts_at, b.ends_at,
         b.subject_kind, b.subject_id
    from room_bookings b join meeting_rooms r on r.id = b.room_id left join users u on u.id = b.booked_by
   where b.subject_kind = 'interaction' and b.subject_id = :new_id;
select id, name from clients where id = any(array[cast(:client_id as bigint)]);
select id, full_name from users where id = any(array[cast(:auth_id as bigint)]);
select user_id from user_deputies where deputy_id = :auth_id and cast(:today as date) between starts_on and ends_on;
insert into record_history (record_type, record_id, action, actor_id, acted_for, at, changes)
  values ('interaction', :new_id, 'CREATED', :auth_id, NULL, now(), cast('[{"field": "interaction.field.kind", "literalLabel": false, "before": null, "after": "interaction.kind.CALL", "valuesAreKeys": true, "format": null},{"field": "interaction.field.state", "literalLabel": false, "before": null, "after": "interaction.state.DONE", "valuesAreKeys": true, "format": null},{"field": "interaction.field.at", "literalLabel": false, "before": null, "after": "2026-11-24T10:00:00Z", "valuesAreKeys": false, "format": "DATE_TIME"},{"field": "interaction.field.subject", "literalLabel": false, "before": null, "after": "Бенчмарк: звонок", "valuesAreKeys": false, "format": null},{"field": "interaction.field.client", "literalLabel": false, "before": null, "after": "ООО «Торговая Мастерская»", "valuesAreKeys": false, "format": null},{"field": "interaction.field.responsible", "literalLabel": false, "before": null, "after": "Фёдоров Артём Дмитриевич", "valuesAreKeys": false, "format": null},{"field": "interaction.field.result", "literalLabel": false, "before": null, "after": "Договорились о встрече", "valuesAreKeys": false, "format": null},{"field": "interaction.field.minutes-spent", "literalLabel": false, "before": null, "after": "3", "valuesAreKeys": false, "format": "NUMBER"},{"field": "interaction.field.direction", "literalLabel": false, "before": null, "after": "interaction.direction.OUTGOING", "valuesAreKeys": true, "format": null},{"field": "interaction.field.duration", "literalLabel": false, "before": null, "after": "180", "valuesAreKeys": false, "format": "NUMBER"},{"field": "interaction.field.call-result", "literalLabel": false, "before": null, "after": "interaction.call-result.ANSWERED", "valuesAreKeys": true, "format": null}]' as jsonb));
select b.id, b.room_id, r.name, b.booked_by, coalesce(u.full_name, ''), b.title, b.starts_at, b.ends_at,
         b.subject_kind, b.subject_id
    from room_bookings b join meeting_rooms r on r.id = b.room_id left join users u on u.id = b.booked_by
   where b.subject_kind = 'interaction' and b.subject_id = :new_id;
select id, name from clients where id = any(array[cast(:client_id as bigint)]);
select id, full_name from users where id = any(array[cast(:auth_id as bigint)]);
COMMIT;
