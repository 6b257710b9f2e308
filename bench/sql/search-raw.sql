-- The floor the requirement names: one trigram-indexed LIKE '%…%' over the million clients
-- (the same search_text column, patterns and index as Clientele's search, no access check),
-- the first 20 rows, for the same typed fragments as search.sql. run.py runs it with
-- plan_cache_mode = force_custom_plan, as Clientele plans its search: a generic plan scans
-- the whole table for a fragment that is not there.
\set k random(1, 16)
-- pgbench only: the text typed and the patterns Search makes of it
-- name: typed
select q, patterns, prefix, contains
  from (values (1, 'север', '{%север%}', 'север%', '%север%'),
              (2, 'звезд', '{%звезд%}', 'звезд%', '%звезд%'),
              (3, 'фабр', '{%фабр%}', 'фабр%', '%фабр%'),
              (4, 'логист', '{%логист%}', 'логист%', '%логист%'),
              (5, 'мельн', '{%мельн%}', 'мельн%', '%мельн%'),
              (6, 'balt', '{%balt%}', 'balt%', '%balt%'),
              (7, 'иван', '{%иван%}', 'иван%', '%иван%'),
              (8, 'смирн', '{%смирн%}', 'смирн%', '%смирн%'),
              (9, 'ольга', '{%ольга%}', 'ольга%', '%ольга%'),
              (10, 'петров', '{%петров%}', 'петров%', '%петров%'),
              (11, '4951', '{%4951%}', '4951%', '%4951%'),
              (12, '8123', '{%8123%}', '8123%', '%8123%'),
              (13, '9161', '{%9161%}', '9161%', '%9161%'),
              (14, '+7 916', '{"%+7 916%",%7916%}', '+7 916%', '%+7 916%'),
              (15, 'mail.r', '{%mail.r%}', 'mail.r%', '%mail.r%'),
              (16, 'info@', '{%info@%}', 'info@%', '%info@%')) f(k, q, patterns, prefix, contains)
 where k = :k \gset
-- name: raw
select id, name from clients where deleted_at is null and search_text like any(:patterns) limit 20;
