-- GET /api/v1/deals as the manager m007 (first page, newest first): the statements
-- Clientele runs, in its transactions (captured with log_min_duration_statement = 0):
-- the token, the deal extra fields for the columns, then the page (a union: a page of the
-- deals m007 is responsible for, from deals_responsible_created_idx, and a page of those
-- they co-execute, merged in order) with its bounded count,
-- then the totals of every deal the list shows (bounded at 20,001 deals). The reader's
-- scope is their own id (DealVisibility: responsible or co-executor). Variables: token (exact: the count's bound).
-- The list and totals transactions plan for the values (set local plan_cache_mode, as
-- RecordListQuery.planForTheValues does): a generic plan scans every deal for the `or`.
-- Shared by pgbench (-M prepared) and the reference endpoint (bench/reference).
\set exact 1000
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
select * from (select distinct on (id) * from ((select c.id, c.state as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.client_id as "client", c.state as "state", c.scenario_id as "scenario", c.stage_id as "stage", c.mode as "mode", c.amount as "amount", c.currency as "currency", c.probability as "probability", c.expected_close as "expected", c.responsible_id as "responsible", c.created_at as "created", c.updated_at as "updated", c.closed_at as "closed", c.created_at as k0 from deals c where c.deleted_at is null and c.responsible_id = :auth_id order by c.created_at desc, c.id desc limit 51) union all (select c.id, c.state as kind_, c.subject as name, c.responsible_id, c.subject as "name", c.client_id as "client", c.state as "state", c.scenario_id as "scenario", c.stage_id as "stage", c.mode as "mode", c.amount as "amount", c.currency as "currency", c.probability as "probability", c.expected_close as "expected", c.responsible_id as "responsible", c.created_at as "created", c.updated_at as "updated", c.closed_at as "closed", c.created_at as k0 from deals c where c.deleted_at is null and c.co_executor_ids && array[cast(:auth_id as bigint)] and not (c.responsible_id = :auth_id) order by c.created_at desc, c.id desc limit 51)) u order by id) c order by k0 desc, id desc limit 51;
-- name: count
select count(*) from ((select c.id from deals c where c.deleted_at is null and c.responsible_id = :auth_id limit 1001) union (select c.id from deals c where c.deleted_at is null and c.co_executor_ids && array[cast(:auth_id as bigint)] and not (c.responsible_id = :auth_id) limit 1001)) t \gset counted_
\if :counted_count > :exact
-- name: estimate
explain (format json) select 1 from deals c where c.deleted_at is null and (c.responsible_id = :auth_id or c.co_executor_ids && array[cast(:auth_id as bigint)]);
\endif
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :auth_id;
set local plan_cache_mode = force_custom_plan;
-- name: fields
select * from custom_fields where entity = 'DEAL' and active order by position, id;
-- name: totals
select count(*), c.currency, sum(c.amount), round(sum(c.amount * c.probability) / 100.0, 2) from (select c.currency, c.amount, c.probability from deals c where c.deleted_at is null and (c.responsible_id = :auth_id or c.co_executor_ids && array[cast(:auth_id as bigint)]) limit 20001) c group by c.currency;
COMMIT;
