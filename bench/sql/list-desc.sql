-- GET /api/v1/clients ?sort=name&dir=desc: the statements Clientele runs (captured with
-- log_min_duration_statement = 0). Variables: token and the ones named below.
-- name: auth
select u.id, u.username, u.password_hash, u.full_name, u.role, u.department_id, d.name as department_name,
       u.locale, u.active, u.must_change_password, t.last_used_at
  from users u join departments d on d.id = u.department_id
  join api_tokens t on t.user_id = u.id
 where t.token_hash = decode(:token, 'hex') and t.revoked_at is null and u.active \gset auth_
BEGIN READ ONLY;
-- name: fields
select * from custom_fields where entity = 'CLIENT' and active order by position, id;
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :auth_id;
-- name: grants
select segment_id from segment_grants where user_id = :auth_id;
-- name: fields
select * from custom_fields where entity = 'CLIENT' and active order by position, id;
-- name: page
select c.id, c.kind, c.name, c.responsible_id, c.name as "name", c.kind as "kind", c.inn as "inn", c.city as "city", c.phones as "phone", c.emails as "email", c.segment_ids as "segments", c.responsible_id as "responsible", c.updated_at as "updated", c.custom -> '1' as "cf1", c.custom -> '2' as "cf2", lower(c.name) as k0 from clients c where c.deleted_at is null and true order by lower(c.name) desc, c.id desc limit 51;
-- name: count
select count(*) from (select 1 from clients c where c.deleted_at is null and true limit 1001) t;
-- name: estimate
explain (format json) select 1 from clients c where c.deleted_at is null and true;
COMMIT;
