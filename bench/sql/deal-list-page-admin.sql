-- GET /deals (the list page, first page, newest first) as the administrator: the statements
-- Clientele runs, in its transactions (captured with log_min_duration_statement = 0): the
-- session; the extra fields (five times), the saved views, the role, the scenarios
-- (twice); the page, its bounded count and the
-- planner's estimate beyond 1,000; the names of the page's
-- clients and people; a lower bound of the deals from the counters (its bound booleans
-- written as the true they are) and, only when it is at most 20,000, the totals; the sidebar's saved views; the session's last access.
-- Variables: session, session_primary, user_id, department_id, username, now_ms, expiry_ms,
-- page_clients and page_users (the clients and people of the first page, '{…}': the list
-- does not change during a run, so run.py finds them once).
-- The list and totals transactions plan for the values (set local plan_cache_mode, as
-- RecordListQuery.planForTheValues does): a generic plan scans every deal for the `or`.
\set exact 1000
\set totals_from 20001
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
select * from custom_fields where entity = 'DEAL' and active order by position, id;
COMMIT;
BEGIN READ ONLY;
select * from custom_fields where entity = 'DEAL' and active order by position, id;
COMMIT;
BEGIN READ ONLY;
select id, list, name, owner_id, shared_department_id, query from saved_views
 where list = 'deals' and (owner_id = :user_id or shared_department_id = :department_id)
 order by lower(name), id;
COMMIT;
BEGIN READ ONLY;
select role from users where id = :user_id;
COMMIT;
BEGIN READ ONLY;
select * from custom_fields where entity = 'DEAL' and active order by position, id;
COMMIT;
BEGIN READ ONLY;
select version from sales_settings_version;
COMMIT;
BEGIN READ ONLY;
select role from users where id = :user_id;
set local plan_cache_mode = force_custom_plan;
select * from custom_fields where entity = 'DEAL' and active order by position, id;
select c.id, c.state as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.client_id as "client", c.stage_id as "stage", c.amount as "amount", c.probability as "probability", c.expected_close as "expected", c.responsible_id as "responsible", c.created_at as k0 from deals c where c.deleted_at is null and true order by c.created_at desc, c.id desc limit 51;
select count(*) from (select 1 from deals c where c.deleted_at is null and true limit 1001) t \gset counted_
\if :counted_count > :exact
explain (format json) select 1 from deals c where c.deleted_at is null and true;
\endif
COMMIT;
BEGIN READ ONLY;
select id, name from clients where id = any(cast(:page_clients as bigint[]));
COMMIT;
BEGIN READ ONLY;
select version from sales_settings_version;
COMMIT;
BEGIN READ ONLY;
select id, full_name from users where id = any(cast(:page_users as bigint[]));
COMMIT;
BEGIN READ ONLY;
select role from users where id = :user_id;
select * from custom_fields where entity = 'DEAL' and active order by position, id;
select (select coalesce(sum(deals), 0) from deal_open_counts where true)
     + (select coalesce(sum(reached), 0)
          from (select max(case when true then won else 0 end
                           + case when true then closed - won else 0 end) as reached
                  from deal_win_rates where basis = 'scenario'
                 group by scenario_id) s) as at_least \gset floor_
\if :floor_at_least < :totals_from
set local plan_cache_mode = force_custom_plan;
select count(*), c.currency, sum(c.amount), round(sum(c.amount * c.probability) / 100.0, 2) from (select c.currency, c.amount, c.probability from deals c where c.deleted_at is null and true limit 20001) c group by c.currency;
\endif
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
