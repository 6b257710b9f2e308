-- GET /timeline/client/{id} as the manager m007 (the client card's timeline, first page of
-- 20): the statements Clientele runs, in its transactions (captured with
-- log_min_duration_statement = 0): the session; the reader's scope; the client (may the
-- reader see it); the clients merged into it; the newest 21 of each source: record
-- changes, interactions (with their people's, deals' and contact persons' names), stage
-- changes of the client's deals the reader may see, tasks (with their deals' names); the
-- session's last access (written at most once a minute). Over m007's clients (every
-- step-th from first, as the card scenarios); the deals and contact persons named are
-- those of the first one's timeline (the app reads the ones of the rows it got).
-- Variables: session, session_primary, user_id, user_ids ({user_id}), username, today,
-- now_ms, expiry_ms, first, step, count, interaction_deals, interaction_contacts,
-- task_deals.
\set id :first + :step * random(0, :count - 1)
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
  FROM SPRING_SESSION S
  LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
  WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
select u.role, array(select d.user_id from user_deputies d
                        where d.deputy_id = u.id and cast(:today as date) between d.starts_on and d.ends_on)
    from users u where u.id = :user_id;
select user_id from user_deputies where deputy_id = :user_id and cast(:today as date) between starts_on and ends_on;
select segment_id from segment_grants where user_id = any(:user_ids);
-- name: client
select responsible_id, segment_ids from clients where id = :id and deleted_at is null;
with recursive absorbed(id) as (
    select merged_id from merges where record_type = 'client' and survivor_id = :id and undone_at is null
    union
    select m.merged_id from merges m join absorbed a on m.survivor_id = a.id
     where m.record_type = 'client' and m.undone_at is null
  )
  select id from absorbed;
-- name: history
select id, record_id, action, at, actor_id, acted_for, changes::text from record_history
   where record_type = 'client' and record_id = :id 
   order by at desc, id desc limit '21';
select id, full_name from users where id = any(:user_ids);
-- name: interactions
select i.id, i.version, i.kind, i.state, i.at, i.subject, i.result, i.minutes_spent, i.responsible_id,
         i.deal_id, i.contact_id, i.direction, i.duration_seconds, i.call_result
    from interactions i
   where i.deleted_at is null
   and i.client_id = :id order by i.at desc, i.id desc limit '21';
select id, full_name from users where id = any(:user_ids);
-- name: interaction_deals
select id, subject from deals where id = any(:interaction_deals);
-- name: contacts
select id, full_name from contacts where id = any(:interaction_contacts);
-- name: stages
select v.id, v.deal_id, d.subject, v.stage_id, s.name, v.entered_at, v.entered_by
    from deal_stage_visits v
    join deals d on d.id = v.deal_id
    join sales_stages s on s.id = v.stage_id
   where d.client_id = :id and d.deleted_at is null and (d.responsible_id = :user_id or d.co_executor_ids && cast(:user_ids as bigint[])) order by v.entered_at desc, v.id desc limit '21';
select id, full_name from users where id = any(:user_ids);
-- name: tasks
select t.id, t.kind, t.state, t.priority, coalesce(t.done_at, t.created_at) as at, t.title, t.due_on, t.due_at, t.executor_id, t.deal_id, t.result from tasks t where t.deleted_at is null and t.client_id = :id order by coalesce(t.done_at, t.created_at) desc, t.id desc limit '21';
select id, full_name from users where id = any(:user_ids);
-- name: task_deals
select id, subject from deals where id = any(:task_deals);
COMMIT;
BEGIN;
UPDATE SPRING_SESSION S
  SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
      MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
      PRINCIPAL_NAME = V.PRINCIPAL_NAME
  FROM (SELECT CAST(:session AS CHAR(36)) AS SESSION_ID, CAST(:now_ms AS BIGINT) AS LAST_ACCESS_TIME,
               CAST('1800' AS INT) AS MAX_INACTIVE_INTERVAL, CAST(:expiry_ms AS BIGINT) AS EXPIRY_TIME,
               CAST(:username AS VARCHAR(100)) AS PRINCIPAL_NAME) V
  WHERE S.PRIMARY_ID = :session_primary
    AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
         OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
         OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= 60000);
COMMIT;
