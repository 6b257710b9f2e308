-- GET /api/v1/deals/{id} as the manager m007: the statements Clientele runs, in its
-- transaction (captured with log_min_duration_statement = 0): the token, the reader's
-- role, the deal aggregate (Hibernate: the deal, then its stays, ticks and lines), the
-- scenarios with their stages and checklists, the names of the people, the client and
-- the contact person. The deals are the manager's open ones with a kind, a contact person
-- and no co-executor (bench_deal_sample, filled by run.py), so that every request runs
-- the same statements. Variables: token, count (the sample's size).
-- Shared by pgbench (-M prepared) and the reference endpoint (bench/reference).
\set n random(1, :count)
-- pgbench only: the deal; the apps get its id in the URL.
-- name: pick
select id from bench_deal_sample where n = :n \gset
-- name: auth
select u.id, u.username, u.password_hash, u.full_name, u.role, u.department_id, d.name as department_name,
       u.locale, u.active, u.must_change_password, t.last_used_at
  from users u join departments d on d.id = u.department_id
  join api_tokens t on t.user_id = u.id
 where t.token_hash = decode(:token, 'hex') and t.revoked_at is null and u.active \gset auth_
BEGIN READ ONLY;
-- name: role
select role from users where id = :auth_id;
-- name: deal
select d1_0.id,d1_0.amount,d1_0.channel,d1_0.client_id,d1_0.closed_at,d1_0.co_executor_ids,d1_0.contact_id,d1_0.created_at,d1_0.created_by,d1_0.currency,d1_0.custom,d1_0.deleted_at,d1_0.deleted_by,d1_0.description,d1_0.expected_close,d1_0.kind,d1_0.lead_id,d1_0.loss_note,d1_0.loss_reason_id,d1_0.mode,d1_0.probability,d1_0.responsible_id,d1_0.scenario_id,d1_0.stage_entered_at,d1_0.stage_id,d1_0.state,d1_0.subject,d1_0.tags,d1_0.updated_at,d1_0.version from deals d1_0 where d1_0.id=:id \gset
-- name: settings
select version from sales_settings_version;
-- name: people
select id, full_name from users where id = any(array[cast(:responsible_id as bigint)]);
-- name: visits
select v1_0.deal_id,v1_0.id,v1_0.entered_at,v1_0.entered_by,v1_0.left_at,v1_0.left_by,v1_0.next_stage_id,v1_0.outcome,v1_0.scenario_id,v1_0.stage_id from deal_stage_visits v1_0 where v1_0.deal_id=:id order by v1_0.entered_at,v1_0.id;
-- name: checks
select c1_0.deal_id,c1_0.item_id,c1_0.ticked_at,c1_0.ticked_by from deal_checks c1_0 where c1_0.deal_id=:id;
-- name: client
select id, name from clients where id = any(array[cast(:client_id as bigint)]);
-- name: contact
select id, full_name from contacts where id = any(array[cast(:contact_id as bigint)]);
-- name: lines
select l1_0.deal_id,l1_0.position,l1_0.discount,l1_0.price,l1_0.product,l1_0.product_id,l1_0.quantity from deal_lines l1_0 where l1_0.deal_id=:id;
COMMIT;
