-- A local data set for the funnel's plans (not the M generator): 10 departments of 20
-- managers, 50,000 clients, 200,000 deals in the two seeded scenarios with their stays in
-- stages: 35 % open, 25 % won, 40 % lost, reaching 1 to all stages (fewer the further).
-- Clients are numbered from the first one created here. Run on an empty migrated database: psql -f bench/sql/funnel-data.sql
\set ON_ERROR_STOP on
select setseed(0.42);

insert into departments (name) values ('Компания');
insert into departments (name, parent_id)
select 'Отдел ' || g, (select id from departments where parent_id is null) from generate_series(1, 10) g;
insert into users (username, full_name, password_hash, role, department_id, must_change_password)
select 'admin', 'Администратор', 'x', 'ADMINISTRATOR', id, false from departments where parent_id is null;
insert into users (username, full_name, password_hash, role, department_id, must_change_password)
select 'h' || d.name, 'Руководитель ' || d.name, 'x', 'HEAD_OF_DEPARTMENT', d.id, false
  from departments d where d.parent_id is not null;
update departments d set head_user_id = u.id from users u where u.username = 'h' || d.name;
insert into users (username, full_name, password_hash, role, department_id, must_change_password)
select 'm' || lpad(g::text, 3, '0'), 'Менеджер ' || g, 'x', 'SALES_MANAGER',
       (select id from departments where parent_id is not null order by id offset (g - 1) % 10 limit 1), false
  from generate_series(1, 200) g;

create temp table managers as
select row_number() over (order by id) as n, id from users where role = 'SALES_MANAGER';

insert into clients (kind, name, responsible_id)
select 'ORGANISATION', 'ООО Клиент ' || g, (select id from managers where n = 1 + g % 200)
  from generate_series(1, 50000) g;

create temp table plan as
select g as id,
       scenario,
       (select count(*) from sales_stages s where s.scenario_id = scenario) as stages,
       fate,
       1 + (g * 7919) % 50000 as client_n,
       1 + (g * 31) % 200 as manager_n,
       round((1000 + random() * 999000)::numeric, 2) as amount,
       case when fate = 'IN_WORK' then now() - random() * interval '90 days'
            else now() - interval '100 days' - random() * interval '630 days' end as created_at
  from (select g, case when random() < 0.6 then 1 else 2 end as scenario,
               case when r < 0.35 then 'IN_WORK' when r < 0.60 then 'WON' else 'LOST' end as fate
          from (select g, random() as r from generate_series(1, 200000) g) x) y;
alter table plan add column reached int;
update plan set reached = least(stages, 1 + floor(-ln(1 - random()) * 1.6)::int);
alter table plan add column step interval;
update plan set step = case when fate = 'IN_WORK' then (now() - created_at) / (reached + 1)
                            else interval '2 days' + random() * interval '13 days' end;

create temp table first_client as select min(id) as id from clients;
insert into deals (id, client_id, subject, kind, scenario_id, stage_id, mode, state, loss_reason_id, amount,
                   currency, probability, responsible_id, stage_entered_at, closed_at, created_at, updated_at)
overriding system value
select p.id, c.id, 'Сделка ' || p.id, case p.id % 3 when 0 then 'Поставка' when 1 then 'Монтаж' else null end,
       p.scenario, st.id, 'MANUAL_STAGES', p.fate,
       case when p.fate = 'LOST' then 1 + p.id % 5 end, p.amount, 'RUB',
       case p.fate when 'WON' then 100 when 'LOST' then 0 else st.probability end,
       m.id, p.created_at + (p.reached - 1) * p.step,
       case when p.fate <> 'IN_WORK' then p.created_at + p.reached * p.step end, p.created_at, p.created_at
  from plan p
  join sales_stages st on st.scenario_id = p.scenario and st.position = p.reached
  join managers m on m.n = p.manager_n
  join first_client f on true
  join clients c on c.id = f.id + p.client_n - 1;
select setval(pg_get_serial_sequence('deals', 'id'), (select max(id) from deals));

insert into deal_stage_visits (deal_id, scenario_id, stage_id, entered_at, left_at, outcome, next_stage_id)
select p.id, p.scenario, st.id, p.created_at + (i - 1) * p.step,
       case when i < p.reached or p.fate <> 'IN_WORK' then p.created_at + i * p.step end,
       case when i < p.reached then 'MOVED' when p.fate = 'IN_WORK' then null else p.fate end,
       nx.id
  from plan p
  cross join lateral generate_series(1, p.reached) i
  join sales_stages st on st.scenario_id = p.scenario and st.position = i
  left join sales_stages nx on nx.scenario_id = p.scenario and nx.position = i + 1 and i < p.reached;

vacuum analyze;
