-- GET /search/suggest?q=… as the manager m007: the top-bar search as the user types (per_kind =
-- 5 of each kind, candidates = 10). The statements Clientele runs, in their transactions
-- (captured with log_min_duration_statement = 0): the session; the reader's role and
-- grants; for clients and leads the names that start with the text and, while fewer than
-- per_kind, records that contain it (of the clients whose responsible manager is the
-- reader); contact persons in one step, by the managers they carry (decision 5), best first;
-- the session's last access, which changes the row at most once a minute (SessionStore).
-- Captured again on 2026-11-24 at 06:21 (M, m007); clients_containing changed at 08:05 to the
-- form of clients_search_readers_idx (written from the code, the rest as captured); at
-- 09:40 the manager's containing steps (clients, contact persons) planned once for any text,
-- as Search does for a reader without granted segments. On 2026-11-25 at 01:10 the clients'
-- containing step is first tried on the first :sample (400) of the reader's clients
-- (clients_sampled, written from the code; the count per text measured on M for m007); at
-- 01:05 the contact persons whose names start with the text come first from the index of
-- their first reader and name (contacts_starting, written from the code, counted on M).
-- Variables: session, session_primary, user_id, department_id, username, per_kind,
-- candidates, sample, now_ms, expiry_ms. Shared by pgbench (-M prepared) and the reference
-- endpoint (bench/reference).
\set k random(1, 16)
-- pgbench only: the text typed, the patterns Search makes of it, and how many names start
-- with it (counted on M for this reader: Clientele looks further only when fewer than
-- per_kind do). The apps get q in the URL and count the rows themselves.
-- name: typed
select q, patterns, prefix, contains, clients_starting_rows, clients_sampled_rows, contacts_starting_rows, leads_starting_rows
  from (values (1, 'север', '{%север%}', 'север%', '%север%', 0, 0, 0, 0),
              (2, 'звезд', '{%звезд%}', 'звезд%', '%звезд%', 0, 0, 0, 0),
              (3, 'фабр', '{%фабр%}', 'фабр%', '%фабр%', 0, 0, 0, 0),
              (4, 'логист', '{%логист%}', 'логист%', '%логист%', 0, 0, 0, 0),
              (5, 'мельн', '{%мельн%}', 'мельн%', '%мельн%', 0, 0, 0, 0),
              (6, 'balt', '{%balt%}', 'balt%', '%balt%', 5, 10, 0, 0),
              (7, 'иван', '{%иван%}', 'иван%', '%иван%', 0, 0, 5, 4),
              (8, 'смирн', '{%смирн%}', 'смирн%', '%смирн%', 0, 0, 5, 4),
              (9, 'ольга', '{%ольга%}', 'ольга%', '%ольга%', 0, 0, 0, 0),
              (10, 'петров', '{%петров%}', 'петров%', '%петров%', 0, 0, 5, 3),
              (11, '4951', '{%4951%}', '4951%', '%4951%', 0, 4, 0, 0),
              (12, '8123', '{%8123%}', '8123%', '%8123%', 0, 6, 0, 0),
              (13, '9161', '{%9161%}', '9161%', '%9161%', 0, 1, 0, 0),
              (14, '+7 916', '{"%+7 916%",%7916%}', '+7 916%', '%+7 916%', 0, 0, 0, 0),
              (15, 'mail.r', '{%mail.r%}', 'mail.r%', '%mail.r%', 0, 0, 0, 0),
              (16, 'info@', '{%info@%}', 'info@%', '%info@%', 0, 10, 0, 0)) f(k, q, patterns, prefix, contains, clients_starting_rows, clients_sampled_rows, contacts_starting_rows, leads_starting_rows)
 where k = :k \gset
BEGIN;
-- name: session
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
FROM SPRING_SESSION S
LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :user_id;
-- name: grants
select segment_id from segment_grants where user_id = :user_id;
set local plan_cache_mode = force_custom_plan;
-- name: clients_starting
select c.id, c.name, coalesce(c.inn, c.city) as detail from clients c
 where c.deleted_at is null and lower(c.name) like :prefix and c.responsible_id = :user_id
 order by lower(c.name), c.id limit :per_kind;
\if :clients_starting_rows < :per_kind
set local plan_cache_mode = force_generic_plan;
-- name: clients_sampled
select id, name, detail from (
  select c.id, c.name, coalesce(c.inn, c.city) as detail from (
    select c.id, c.name, c.inn, c.city, c.search_text from clients c
     where c.deleted_at is null and c.responsible_id = :user_id
     limit :sample) c
   where c.search_text like any(:patterns)
   limit :candidates) t
 order by lower(name) like :contains desc, length(name), id;
\if :clients_sampled_rows < :candidates
-- name: clients_containing
select id, name, detail from (
  select c.id, c.name, coalesce(c.inn, c.city) as detail from clients c
   where c.deleted_at is null and c.search_text like any(:patterns) and array[c.responsible_id] && array[cast(:user_id as bigint)]
   limit :candidates) t
 order by lower(name) like :contains desc, length(name), id;
\endif
\endif
set local plan_cache_mode = force_custom_plan;
-- name: contacts_starting
select ct.id, ct.full_name, (select string_agg(c.name, ', ' order by c.name) from client_contacts cc join clients c on c.id = cc.client_id
  where cc.contact_id = ct.id and c.deleted_at is null and c.responsible_id = :user_id) from contacts ct
 where ct.deleted_at is null and ct.client_responsible_ids[1] = any(array[cast(:user_id as bigint)])
   and lower(ct.full_name) like :prefix and ct.client_responsible_ids && array[cast(:user_id as bigint)]
 order by lower(ct.full_name), ct.id limit :per_kind;
\if :contacts_starting_rows < :per_kind
set local plan_cache_mode = force_generic_plan;
-- name: contacts
select id, full_name, (select string_agg(c.name, ', ' order by c.name) from client_contacts cc join clients c on c.id = cc.client_id
  where cc.contact_id = t.id and c.deleted_at is null and c.responsible_id = :user_id) from (
  select ct.id, ct.full_name from contacts ct
   where ct.deleted_at is null and ct.search_text like any(:patterns) and ct.client_responsible_ids && array[cast(:user_id as bigint)]
   order by ct.search_text like :prefix desc, lower(ct.full_name) like :contains desc,
            case when ct.search_text like :prefix then lower(ct.full_name) end, length(ct.full_name), ct.id
   limit :per_kind) t;
\endif
set local plan_cache_mode = force_custom_plan;
-- name: leads_starting
select c.id, c.name, c.company from leads c
 where lower(c.name) like :prefix and c.responsible_id = :user_id
 order by lower(c.name), c.id limit :per_kind;
\if :leads_starting_rows < :per_kind
-- name: leads_containing
select id, name, company from (
  select c.id, c.name, c.company, c.created_at from leads c
   where c.search_text like any(:patterns) and c.responsible_id = :user_id
   limit :candidates) t
 order by lower(name) like :contains desc, created_at desc, id;
\endif
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
