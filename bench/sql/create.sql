-- POST /api/v1/clients: the statements of the request (captured with
-- log_min_duration_statement = 0), the history row in the same transaction. Variables: token.
-- name: auth
select u.id, u.username, u.password_hash, u.full_name, u.role, u.department_id, d.name as department_name,
       u.locale, u.active, u.must_change_password, t.last_used_at
  from users u join departments d on d.id = u.department_id
  join api_tokens t on t.user_id = u.id
 where t.token_hash = decode(:token, 'hex') and t.revoked_at is null and u.active \gset auth_
BEGIN;
select * from custom_fields where entity = 'CLIENT' and active order by position, id;
select s.id, s.type_id, t.name as type_name, s.name, s.active
  from segments s join segment_types t on t.id = s.type_id
 where s.id = any('{1,9}');
insert into clients (addresses,bank_accounts,birthday,city,created_at,created_by,custom,deleted_at,deleted_by,email_lower,emails,first_name,founded_on,industry,inn,key_dates,kind,kpp,last_name,messengers,middle_name,name,notes,ogrn,phone_digits,phones,responsible_id,segment_ids,short_name,company_size,source,updated_at,version,website) values ('[{"city": "Москва", "kind": "LEGAL", "text": "ул. Тверская, д. 1", "postcode": "125009"}]', '[]', NULL, 'Москва', now(), :auth_id, '{"1": "o2", "2": 120.5}', NULL, NULL, '{info@bench.example}', '[{"note": null, "address": "info@bench.example"}]', NULL, NULL, 'Производство', '7707083893', '[]', 'ORGANISATION', '770701001', NULL, '[]', NULL, 'ООО «Бенчмарк SQL»', NULL, NULL, '{74951234567}', '[{"note": null, "number": "+74951234567"}]', :auth_id, '{1,9}', NULL, NULL, NULL, now(), 0, NULL)
  RETURNING * \gset new_
select id, full_name from users where id = any(array[:auth_id]::bigint[]);
select s.id, s.type_id, t.name as type_name, s.name, s.active
  from segments s join segment_types t on t.id = s.type_id
 where s.id = any('{1,9}');
insert into record_history (record_type, record_id, action, actor_id, at, changes)
  values ('client', :new_id, 'CREATED', :auth_id, now(), cast('[{"field": "client.field.notes", "literalLabel": false, "before": null, "after": "bench", "valuesAreKeys": false}]' as jsonb));
COMMIT;
BEGIN READ ONLY;
-- name: role
select role from users where id = :auth_id;
-- name: grants
select segment_id from segment_grants where user_id = :auth_id;
-- name: client
select c1_0.id,c1_0.addresses,c1_0.bank_accounts,c1_0.birthday,c1_0.city,c1_0.created_at,c1_0.created_by,c1_0.custom,c1_0.deleted_at,c1_0.deleted_by,c1_0.email_lower,c1_0.emails,c1_0.first_name,c1_0.founded_on,c1_0.industry,c1_0.inn,c1_0.key_dates,c1_0.kind,c1_0.kpp,c1_0.last_name,c1_0.messengers,c1_0.middle_name,c1_0.name,c1_0.notes,c1_0.ogrn,c1_0.phone_digits,c1_0.phones,c1_0.responsible_id,c1_0.segment_ids,c1_0.short_name,c1_0.company_size,c1_0.source,c1_0.updated_at,c1_0.version,c1_0.website from clients c1_0 where c1_0.id=:new_id \gset
-- name: responsible
select u.id, u.full_name, u.role, u.department_id, d.name as department_name, u.active
  from users u join departments d on d.id = u.department_id
 where u.id = :responsible_id;
-- name: segments
select s.id, s.type_id, t.name as type_name, s.name, s.active
  from segments s join segment_types t on t.id = s.type_id
 where s.id = any(:segment_ids);
-- name: contacts
select c.id, c.full_name, cc.position, cc.department, cc.key_person, cc.left_company, cc.left_on,
       coalesce(array(select jsonb_array_elements(c.phones) ->> 'number'), '{}') as phones,
       coalesce(array(select jsonb_array_elements(c.emails) ->> 'address'), '{}') as emails
  from client_contacts cc join contacts c on c.id = cc.contact_id
 where cc.client_id = :new_id and c.deleted_at is null
 order by cc.left_company, cc.key_person desc, lower(c.full_name), c.id;
-- name: legal
select id, client_id, name, inn, kpp, ogrn, address, bank_accounts::text as accounts, version
  from legal_entities where client_id = :new_id order by lower(name), id;
-- name: required
select field from client_required_fields where kind = :kind order by field;
COMMIT;
