-- GET /api/v1/deals as the administrator (first page, newest first): the statements
-- The list and totals transactions plan for the values (set local plan_cache_mode, as
-- RecordListQuery.planForTheValues does): a generic plan scans every deal for the `or`.
-- Clientele runs, in its transactions (captured with log_min_duration_statement = 0):
-- the token, the deal extra fields for the columns, then the page with its bounded count
-- and, beyond 1,000, the planner's estimate, then a lower bound of the deals from the
-- counters (DealCountFloor; its three bound booleans are written as the true they are) and,
-- only when it is at most 20,000, the totals, which stop at 20,001 deals (more: no totals;
-- on M the bound says so and nothing is summed). Variables: token (exact: the count's
-- bound; totals_from: the bound's limit). Shared by pgbench (-M prepared) and the reference
-- endpoint (bench/reference).
\set exact 1000
\set totals_from 20001
-- name: auth
select u.id, u.username, u.password_hash, u.full_name, u.role, u.department_id, d.name as department_name,
       u.locale, u.active, u.must_change_password, t.last_used_at
  from users u join departments d on d.id = u.department_id
  join api_tokens t on t.user_id = u.id
 where t.token_hash = decode(:token, 'hex') and t.revoked_at is null and u.active \gset auth_
BEGIN READ ONLY;
-- name: fields
select * from custom_fields where entity = 'DEAL' and active order by position, id;
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :auth_id;
set local plan_cache_mode = force_custom_plan;
-- name: fields
select * from custom_fields where entity = 'DEAL' and active order by position, id;
-- name: page
select c.id, c.state as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.client_id as "client", c.state as "state", c.scenario_id as "scenario", c.stage_id as "stage", c.mode as "mode", c.amount as "amount", c.currency as "currency", c.probability as "probability", c.expected_close as "expected", c.responsible_id as "responsible", c.created_at as "created", c.updated_at as "updated", c.closed_at as "closed", c.created_at as k0 from deals c where c.deleted_at is null and true order by c.created_at desc, c.id desc limit 51;
-- name: count
select count(*) from (select 1 from deals c where c.deleted_at is null and true limit 1001) t \gset counted_
\if :counted_count > :exact
-- name: estimate
explain (format json) select 1 from deals c where c.deleted_at is null and true;
\endif
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :auth_id;
-- name: fields
select * from custom_fields where entity = 'DEAL' and active order by position, id;
-- name: floor
select (select coalesce(sum(deals), 0) from deal_open_counts where true)
     + (select coalesce(sum(reached), 0)
          from (select max(case when true then won else 0 end
                           + case when true then closed - won else 0 end) as reached
                  from deal_win_rates where basis = 'scenario'
                 group by scenario_id) s) as at_least \gset floor_
\if :floor_at_least < :totals_from
set local plan_cache_mode = force_custom_plan;
-- name: totals
select count(*), c.currency, sum(c.amount), round(sum(c.amount * c.probability) / 100.0, 2) from (select c.currency, c.amount, c.probability from deals c where c.deleted_at is null and true limit 20001) c group by c.currency;
\endif
COMMIT;
