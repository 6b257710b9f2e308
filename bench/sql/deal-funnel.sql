-- GET /reports/funnel?scenario=… as the administrator, the default period (the last three
-- months up to today): the statements Clientele runs, in its transactions (captured with
-- log_min_duration_statement = 0): the session; the scenarios; the reader's role; the
-- people and departments to narrow the funnel to; the scenarios again, the open deals of
-- the scenario by stage and currency (since the administrator sees the whole base, from
-- the open deals' counters, published_deal_open_counts, per stage, manager and currency),
-- and the closing
-- counters of the period (published_deal_funnel_passes and …_closings, per hour) with the
-- loss reasons; the sidebar's saved views; the session's last access.
-- Variables: session, session_primary, user_id, department_id, username, now_ms, expiry_ms,
-- scenario_from, scenario_to (pgbench picks a scenario between them; the apps get it in the
-- URL), from, to (the period's bounds: midnight three months ago and tonight, local time),
-- now. Shared by pgbench (-M prepared) and the reference endpoint (bench/reference).
\set scenario random(:scenario_from, :scenario_to)
BEGIN;
-- name: session
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
-- name: settings
select version from sales_settings_version;
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :user_id;
COMMIT;
BEGIN READ ONLY;
-- name: people
select u.id, u.full_name, u.role, u.department_id, d.name as department_name, u.active
  from users u join departments d on d.id = u.department_id
 where u.active and true order by lower(u.full_name);
COMMIT;
BEGIN READ ONLY;
-- name: departments
select id, name from departments order by parent_id nulls first, lower(name);
COMMIT;
BEGIN READ ONLY;
-- name: settings
select version from sales_settings_version;
-- name: role
select role from users where id = :user_id;
-- name: open
select o.stage_id, o.currency, sum(o.deals) as deals, sum(o.amount) as amount,
       round(sum(o.weighted) / 100.0, 2) as weighted,
       (sum(o.deals) * extract(epoch from cast(:now as timestamptz)) - sum(o.entered_epochs)) / 86400.0 as days
  from published_deal_open_counts o
 where o.scenario_id = :scenario
 group by o.stage_id, o.currency
having sum(o.deals) > 0;
-- name: passed
select v.stage_id, sum(v.entered), sum(v.went_on)
  from published_deal_funnel_passes v
 where v.scenario_id = :scenario and v.closed_hour >= cast(:from as timestamptz) and v.closed_hour < cast(:to as timestamptz)
 group by v.stage_id;
-- name: settings
select version from sales_settings_version;
-- name: closings
select c.state, c.stage_id, c.loss_reason_id, sum(c.deals)
  from published_deal_funnel_closings c
 where c.scenario_id = :scenario and c.closed_hour >= cast(:from as timestamptz) and c.closed_hour < cast(:to as timestamptz)
 group by c.state, c.stage_id, c.loss_reason_id;
COMMIT;
BEGIN READ ONLY;
-- name: views
select id, list, name, owner_id, shared_department_id, query from saved_views
 where list = 'clients' and (owner_id = :user_id or shared_department_id = :department_id)
 order by lower(name), id;
COMMIT;
BEGIN READ ONLY;
-- name: deal_views
select id, list, name, owner_id, shared_department_id, query from saved_views
 where list = 'deals' and (owner_id = :user_id or shared_department_id = :department_id)
 order by lower(name), id;
COMMIT;
BEGIN;
-- name: touch
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
