-- GET /deals/board?scenario=… as the manager m007: the statements Clientele runs for the
-- board page, in its transactions (captured with log_min_duration_statement = 0): the
-- session; the scenarios; the scenario remembered from the last visit, written only when
-- the choice changes (run.py has m007 choose it beforehand, so a run reads it and writes
-- nothing: the transaction commits without a transaction id); the reader's role, the first 50 cards of every column (one
-- person's open deals of the scenario, read once for all columns), the columns' counts and
-- sums (bounded at 20,001 deals) and the cards' client names; the sidebar's saved views;
-- the session's last access (written at most once a minute).
-- Variables: session, session_primary, user_id, department_id, username, now_ms, expiry_ms,
-- scenario, stages (the scenario's active stages, '{…}'), card_clients (the clients of the
-- cards shown, '{…}': the board does not change during a run, so run.py and the reference
-- app find them once).
-- Shared by pgbench (-M prepared) and the reference endpoint (bench/reference).
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
BEGIN;
-- name: choice
select scenario_id from deal_board_choices where user_id = :user_id \gset chosen_
\if :chosen_scenario_id <> :scenario
-- name: remember
insert into deal_board_choices (user_id, scenario_id) values (:user_id, :scenario)
on conflict (user_id) do update set scenario_id = excluded.scenario_id
 where deal_board_choices.scenario_id <> excluded.scenario_id;
\endif
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :user_id;
-- name: cards
select x.* from (
  select d.stage_id as stage, d.id, d.version, d.subject, d.client_id, d.amount, d.currency,
         d.probability, d.expected_close, d.stage_entered_at, d.mode,
         row_number() over (partition by d.stage_id order by d.expected_close, d.id) as place
    from deals d
   where d.scenario_id = :scenario and d.stage_id = any(cast(:stages as bigint[])) and d.state = 'IN_WORK' and d.deleted_at is null and (d.responsible_id = :user_id or d.co_executor_ids && array[cast(:user_id as bigint)])) x
 where x.place <= 50
 order by x.stage, x.place;
-- name: totals
select b.stage_id as stage, b.currency, count(*) as deals, sum(b.amount) as amount,
       round(sum(b.amount * b.probability) / 100.0, 2) as weighted
  from (select d.stage_id, d.currency, d.amount, d.probability
          from deals d
         where d.scenario_id = :scenario and d.stage_id = any(cast(:stages as bigint[])) and d.state = 'IN_WORK' and d.deleted_at is null and (d.responsible_id = :user_id or d.co_executor_ids && array[cast(:user_id as bigint)])
         limit 20001) b
 group by b.stage_id, b.currency
 order by count(*) desc, b.currency;
-- name: clients
select id, name from clients where id = any(cast(:card_clients as bigint[]));
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
