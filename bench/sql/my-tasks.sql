-- GET /my-tasks as the manager m007: the statements Clientele runs for the page, in its
-- transactions (captured with log_min_duration_statement = 0): the session; the seven
-- groups (up to 20 rows each) in one statement; the names of their clients, deals and
-- executor; the groups' counters (the people to give tasks to are loaded when the bulk
-- form first shows, not with the page); the saved
-- views of the sidebar; the person's open process actions (the first 20), the reader's
-- scope and which of their deals the reader may see, and those deals' subjects; the sidebar's task counter; the session's last access (written at
-- most once a minute). The clients and deals named are the ones the groups show
-- (prepare() in run.py reads them once).
-- Variables: session, session_primary, user_id, user_ids ({user_id}), department_id,
-- username, now_ms, expiry_ms, now, today, tomorrow, week_end, done_since, process_deals, task_clients,
-- task_deals.
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
  FROM SPRING_SESSION S
  LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
  WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
set local plan_cache_mode = force_custom_plan;
-- name: tasks
(select 'OVERDUE' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' and coalesce(x.due_on, date '9999-12-31') <= :today and (coalesce(x.due_on, date '9999-12-31') < :today or x.due_at < :now)
                          order by coalesce(x.due_on, date '9999-12-31'), x.id limit '20') r
    order by r.sort_day,  r.id limit '20')
   union all (select 'TODAY' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' and coalesce(x.due_on, date '9999-12-31') = :today and not coalesce(x.due_at < :now, false)
                          order by coalesce(x.due_on, date '9999-12-31'), x.due_at nulls first, x.id limit '20') r
    order by r.sort_day, r.due_at nulls first, r.id limit '20')
   union all (select 'TOMORROW' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' and coalesce(x.due_on, date '9999-12-31') = :tomorrow
                          order by coalesce(x.due_on, date '9999-12-31'), x.id limit '20') r
    order by r.sort_day,  r.id limit '20')
   union all (select 'THIS_WEEK' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' and coalesce(x.due_on, date '9999-12-31') > :tomorrow and coalesce(x.due_on, date '9999-12-31') <= :week_end
                          order by coalesce(x.due_on, date '9999-12-31'), x.id limit '20') r
    order by r.sort_day,  r.id limit '20')
   union all (select 'LATER' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' and coalesce(x.due_on, date '9999-12-31') > :week_end and coalesce(x.due_on, date '9999-12-31') < date '9999-12-31'
                          order by coalesce(x.due_on, date '9999-12-31'), x.id limit '20') r
    order by r.sort_day,  r.id limit '20')
   union all (select 'NO_DEADLINE' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' and coalesce(x.due_on, date '9999-12-31') = date '9999-12-31'
                          order by coalesce(x.due_on, date '9999-12-31'), x.id limit '20') r
    order by r.sort_day,  r.id limit '20')
   union all (select 'DONE' as grp, r.* from unnest(cast(:user_ids as bigint[])) as p(id)
     cross join lateral (select x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, x.client_id, x.deal_id, x.executor_id, x.done_at, coalesce(x.due_on, date '9999-12-31') as sort_day from tasks x
                          where x.executor_id = p.id and x.deleted_at is null and x.state = 'DONE'
                            and x.done_at >= :done_since
                          order by x.done_at desc, x.id desc limit '20') r
    order by r.done_at desc, r.id desc limit '20');
-- name: clients
select id, name from clients where id = any(:task_clients);
-- name: deals
select id, subject from deals where id = any(:task_deals);
-- name: names
select id, full_name from users where id = any(:user_ids);
set local plan_cache_mode = force_custom_plan;
-- name: counts
select p.id, count(*) filter (where t.due <= :today and (t.due < :today or t.due_at < :now)), count(*) filter (where t.due = :today and not coalesce(t.due_at < :now, false)), count(*) filter (where t.due = :tomorrow), count(*) filter (where t.due > :tomorrow and t.due <= :week_end), count(*) filter (where t.due > :week_end and t.due < date '9999-12-31'), count(*) filter (where t.due = date '9999-12-31'),  count(*) filter (where t.state = 'NEW'), count(t.due),
         (select count(*) from (select 1 from tasks y
           where y.executor_id = p.id and y.deleted_at is null and y.state = 'DONE' and y.done_at >= :done_since
           limit '5000') d)
    from unnest(cast(:user_ids as bigint[])) as p(id)
    left join lateral (
      select coalesce(x.due_on, date '9999-12-31') as due, x.due_at, x.state from tasks x where x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE' limit '5000'
    ) t on true
   group by p.id;
-- name: process_tasks
select task_id, process_instance_id, activity_id, name, deal_id, assignee_id, due_at, created_at, opened_at, instruction_id, due_all_day from process_tasks where assignee_id = :user_id
 order by (due_at is null), due_at, created_at limit '20';
select u.role, array(select d.user_id from user_deputies d
                      where d.deputy_id = u.id and :today between d.starts_on and d.ends_on)
  from users u where u.id = :user_id;
select d.id from deals d where d.id = any(:process_deals) and d.deleted_at is null and (d.responsible_id = :user_id or d.co_executor_ids && :user_ids);
-- name: process_deals
select id, subject from deals where id = any(:process_deals);
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
     limit '100') t;
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
               CAST('1800' AS INT) AS MAX_INACTIVE_INTERVAL, CAST(:expiry_ms AS BIGINT) AS EXPIRY_TIME,
               CAST(:username AS VARCHAR(100)) AS PRINCIPAL_NAME) V
  WHERE S.PRIMARY_ID = :session_primary
    AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
         OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
         OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= 60000);
COMMIT;
