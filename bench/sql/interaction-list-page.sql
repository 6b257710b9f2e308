-- GET /interactions (the list page, first page, newest first) as the manager m007: the
-- statements Clientele runs, in its transactions (captured with
-- log_min_duration_statement = 0): the session; the saved views; the role and deputies
-- (twice); the reader's scope (deputies, segment grants); the
-- page (a union of the interactions m007 is responsible for, those of their clients and the
-- few they see through a deal or by taking part, each a page, merged in order, decision 0014)
-- and its bounded count (the same branches, 1,001 ids each); the names of the page's clients
-- and people; the saved views of the sidebar (three lists) and its task counter; the
-- session's last access.
-- Variables: session, session_primary, user_id, department_id, username, now_ms, expiry_ms,
-- today, page_clients and page_users (the clients and people of the first page, '{…}': the
-- list does not change during a run, so run.py finds them once).
\set exact 1000
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
    FROM SPRING_SESSION S
    LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
    WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
select id, list, name, owner_id, shared_department_id, query from saved_views
     where list = 'interactions' and (owner_id = :user_id or shared_department_id = :department_id)
     order by lower(name), id;
COMMIT;
BEGIN READ ONLY;
select u.role, array(select d.user_id from user_deputies d
                          where d.deputy_id = u.id and :today between d.starts_on and d.ends_on)
      from users u where u.id = :user_id;
COMMIT;
BEGIN READ ONLY;
select u.role, array(select d.user_id from user_deputies d
                          where d.deputy_id = u.id and :today between d.starts_on and d.ends_on)
      from users u where u.id = :user_id;
select user_id from user_deputies where deputy_id = :user_id and :today between starts_on and ends_on;
select segment_id from segment_grants where user_id = any(array[cast(:user_id as bigint)]);
set local plan_cache_mode = force_custom_plan;
-- name: rows
select * from (select distinct on (id) * from ((select c.id, c.kind as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.at as "at", c.kind as "kind", c.state as "state", c.client_id as "client", c.responsible_id as "responsible", c.at as k0 from interactions c where c.deleted_at is null and c.responsible_id = :user_id order by c.at desc, c.id desc limit 51) union all (select c.id, c.kind as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.at as "at", c.kind as "kind", c.state as "state", c.client_id as "client", c.responsible_id as "responsible", c.at as k0 from interactions c where c.deleted_at is null and c.client_responsible_id = :user_id order by c.at desc, c.id desc limit 51) union all (select c.id, c.kind as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.at as "at", c.kind as "kind", c.state as "state", c.client_id as "client", c.responsible_id as "responsible", c.at as k0 from interactions c where c.deleted_at is null and c.other_reader_ids <> '{}' and c.other_reader_ids && array[cast(:user_id as bigint)] order by c.at desc, c.id desc limit 51)) u order by id) c order by k0 desc, id desc limit 51;
select count(*) from ((select c.id from interactions c where c.deleted_at is null and c.responsible_id = :user_id limit 1001) union (select c.id from interactions c where c.deleted_at is null and c.client_responsible_id = :user_id limit 1001) union (select c.id from interactions c where c.deleted_at is null and c.other_reader_ids <> '{}' and c.other_reader_ids && array[cast(:user_id as bigint)] limit 1001)) t \gset counted_
\if :counted_count > :exact
explain (format json) select 1 from interactions c where c.deleted_at is null and (c.responsible_id = :user_id or c.client_responsible_id = :user_id or c.other_reader_ids <> '{}' and c.other_reader_ids && array[cast(:user_id as bigint)]);
\endif
COMMIT;
BEGIN READ ONLY;
-- name: clients
select id, name from clients where id = any(cast(:page_clients as bigint[]));
COMMIT;
BEGIN READ ONLY;
-- name: users
select id, full_name from users where id = any(cast(:page_users as bigint[]));
COMMIT;
BEGIN READ ONLY;
select id, list, name, owner_id, shared_department_id, query from saved_views
     where list = 'interactions' and (owner_id = :user_id or shared_department_id = :department_id)
     order by lower(name), id;
COMMIT;
BEGIN READ ONLY;
select count(*) from (
      select 1 from tasks x
       where x.executor_id = :user_id and x.deleted_at is null and x.state <> 'DONE'
         and (coalesce(x.due_on, date '9999-12-31') <= :today or x.state = 'NEW')
       limit 100) t;
COMMIT;
BEGIN READ ONLY;
select id, list, name, owner_id, shared_department_id, query from saved_views
     where list = 'clients' and (owner_id = :user_id or shared_department_id = :department_id)
     order by lower(name), id;
COMMIT;
BEGIN READ ONLY;
select id, list, name, owner_id, shared_department_id, query from saved_views
     where list = 'deals' and (owner_id = :user_id or shared_department_id = :department_id)
     order by lower(name), id;
COMMIT;
BEGIN;
UPDATE SPRING_SESSION S
    SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
        MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
        PRINCIPAL_NAME = V.PRINCIPAL_NAME
    FROM (SELECT CAST(:session AS CHAR(36)) AS SESSION_ID, CAST(:now_ms AS BIGINT) AS LAST_ACCESS_TIME,
                 CAST(1800 AS INT) AS MAX_INACTIVE_INTERVAL, CAST(:expiry_ms AS BIGINT) AS EXPIRY_TIME,
                 CAST(:username AS VARCHAR(100)) AS PRINCIPAL_NAME) V
    WHERE S.PRIMARY_ID = :session_primary
      AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
           OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
           OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= 60000);
COMMIT;
