-- GET /calendar/events for a week of the ten managers of a department, as their head h01
-- (what FullCalendar asks for when the head shows their people side by side): the
-- statements Clientele runs, in its transactions (captured with
-- log_min_duration_statement = 0): the session; the head's scope (their department's
-- people); the people's room bookings, open tasks due in the week (with a day's margin)
-- and planned interactions (their own and those they take part in, from a day before the
-- week, with their rooms); the session's last access (written at most once a minute).
-- Variables: session, session_primary, user_id, username, today, now_ms, expiry_ms, people
-- ({ids}), from, to (the week, as instants), from_early (a day before: a meeting lasts up to a day), from_day,
-- to_day (the week's days, a day before it from).
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
  FROM SPRING_SESSION S
  LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
  WHERE S.SESSION_ID = :session;
COMMIT;
BEGIN READ ONLY;
select u.role, array(select d.user_id from user_deputies d
                        where d.deputy_id = u.id and cast(:today as date) between d.starts_on and d.ends_on)
    from users u where u.id = :user_id;
with recursive subtree(id) as (
    select id from departments where head_user_id = :user_id
    union all
    select d.id from departments d join subtree s on d.parent_id = s.id
  )
  select array(select id from subtree),
         array(select u.id from users u where u.department_id in (select id from subtree));
-- name: rooms
select b.id, b.room_id, r.name, b.booked_by, coalesce(u.full_name, ''), b.title, b.starts_at, b.ends_at,
         b.subject_kind, b.subject_id
    from room_bookings b join meeting_rooms r on r.id = b.room_id left join users u on u.id = b.booked_by
   where b.booked_by = any(:people) and b.subject_kind is null and b.starts_at < :to and b.ends_at > :from order by b.starts_at;
-- name: tasks
select t.id, t.executor_id, t.title, t.due_at, t.due_on from tasks t
   where t.executor_id = any(:people) and t.deleted_at is null and t.state <> 'DONE'
     and coalesce(t.due_on, date '9999-12-31') between :from_day and :to_day
   order by t.due_on, t.due_at nulls first, t.id;
-- name: interactions
select w.id, w.user_id, w.subject, w.planned_at, w.kind, w.place, w.planned_minutes, r.name
    from (select i.id, i.responsible_id as user_id, i.subject, i.planned_at, i.kind, i.place,
                 i.planned_minutes
            from interactions i
           where i.state = 'PLANNED' and i.deleted_at is null and i.planned_at >= :from_early
             and i.planned_at < :to and i.responsible_id = any(:people)
          union
          select i.id, m.user_id, i.subject, i.planned_at, i.kind, i.place, i.planned_minutes
            from (select p.interaction_id, p.user_id from interaction_participants p
                   where p.user_id = any(:people)
                     and p.interaction_id in (select x.id from interactions x
                                               where x.state = 'PLANNED' and x.deleted_at is null
                                                 and x.planned_at >= :from_early and x.planned_at < :to)
                  offset 0) m
            join interactions i on i.id = m.interaction_id) w
    left join room_bookings b on b.subject_kind = 'interaction' and b.subject_id = w.id
    left join meeting_rooms r on r.id = b.room_id;
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
