-- GET /deals/{id} as the manager m007: the statements Clientele runs for the card page, in
-- its transactions (captured with log_min_duration_statement = 0): the session; the deal
-- as for the API (deal-card.sql); the probability estimate (deal_win_rates); the deal again
-- with its files; the scenarios again, the loss reasons and the extra fields for the
-- forms; the history; the sidebar's saved views; the session's last access (written at
-- most once a minute) and two empty transactions. The same deals as deal-card.sql.
-- Variables: session, session_primary, user_id, department_id, username, now_ms, expiry_ms,
-- count.
\set n random(1, :count)
-- pgbench only: the deal; the app gets its id in the URL.
-- name: pick
select id from bench_deal_sample where n = :n \gset
BEGIN;
-- name: session
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
select role from users where id = :user_id;
select d1_0.id,d1_0.amount,d1_0.channel,d1_0.client_id,d1_0.closed_at,d1_0.co_executor_ids,d1_0.contact_id,d1_0.created_at,d1_0.created_by,d1_0.currency,d1_0.custom,d1_0.deleted_at,d1_0.deleted_by,d1_0.description,d1_0.expected_close,d1_0.kind,d1_0.lead_id,d1_0.loss_note,d1_0.loss_reason_id,d1_0.mode,d1_0.probability,d1_0.responsible_id,d1_0.scenario_id,d1_0.stage_entered_at,d1_0.stage_id,d1_0.state,d1_0.subject,d1_0.tags,d1_0.updated_at,d1_0.version from deals d1_0 where d1_0.id=:id \gset
select version from sales_settings_version;
select id, full_name from users where id = any(array[cast(:responsible_id as bigint)]);
select v1_0.deal_id,v1_0.id,v1_0.entered_at,v1_0.entered_by,v1_0.left_at,v1_0.left_by,v1_0.next_stage_id,v1_0.outcome,v1_0.scenario_id,v1_0.stage_id from deal_stage_visits v1_0 where v1_0.deal_id=:id order by v1_0.entered_at,v1_0.id;
select c1_0.deal_id,c1_0.item_id,c1_0.ticked_at,c1_0.ticked_by from deal_checks c1_0 where c1_0.deal_id=:id;
select id, name from clients where id = any(array[cast(:client_id as bigint)]);
select id, full_name from contacts where id = any(array[cast(:contact_id as bigint)]);
select l1_0.deal_id,l1_0.position,l1_0.discount,l1_0.price,l1_0.product,l1_0.product_id,l1_0.quantity from deal_lines l1_0 where l1_0.deal_id=:id;
COMMIT;
BEGIN READ ONLY;
select basis, closed, won from deal_win_rates
 where scenario_id = :scenario_id and stage_id = :stage_id
   and (basis, basis_key) in (('scenario', ''), ('client', cast(:client_id as text)), ('manager', cast(:responsible_id as text)), ('kind', lower(btrim(:kind))));
COMMIT;
BEGIN READ ONLY;
select role from users where id = :user_id;
select d1_0.id,d1_0.amount,d1_0.channel,d1_0.client_id,d1_0.closed_at,d1_0.co_executor_ids,d1_0.contact_id,d1_0.created_at,d1_0.created_by,d1_0.currency,d1_0.custom,d1_0.deleted_at,d1_0.deleted_by,d1_0.description,d1_0.expected_close,d1_0.kind,d1_0.lead_id,d1_0.loss_note,d1_0.loss_reason_id,d1_0.mode,d1_0.probability,d1_0.responsible_id,d1_0.scenario_id,d1_0.stage_entered_at,d1_0.stage_id,d1_0.state,d1_0.subject,d1_0.tags,d1_0.updated_at,d1_0.version from deals d1_0 where d1_0.id=:id;
select a.id, a.file_name, a.content_type, a.size, coalesce(u.full_name, ''), a.uploaded_at
  from deal_attachments a left join published_user_names u on u.id = a.uploaded_by
 where a.deal_id = :id order by a.uploaded_at desc, a.id desc;
COMMIT;
BEGIN READ ONLY;
select version from sales_settings_version;
COMMIT;
BEGIN READ ONLY;
select version from sales_settings_version;
COMMIT;
BEGIN READ ONLY;
select * from custom_fields where entity = 'DEAL' and active order by position, id;
COMMIT;
BEGIN READ ONLY;
select id, record_id, action, at, actor_id, changes::text from record_history
 where record_type = 'deal' and record_id = :id and (cast(NULL as bigint) is null or id < NULL)
 order by id desc limit 20;
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
BEGIN;
COMMIT;
BEGIN;
COMMIT;
