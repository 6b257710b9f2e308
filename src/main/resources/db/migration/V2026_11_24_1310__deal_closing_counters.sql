-- Counters kept as deals close (and reopen, move to the recycle bin, come back): what the
-- funnel of the whole base and the probability estimates add up instead of reading every
-- closed deal's stays (docs/decisions/0008).
--
-- deal_funnel_passes: per scenario, hour of closing (UTC) and stage, how many closed deals
-- entered the stage and how many went on from it (moved to a later stage or won in it).
create table deal_funnel_passes (
    scenario_id bigint      not null,
    closed_hour timestamptz not null,
    stage_id    bigint      not null,
    entered     int         not null,
    went_on     int         not null,
    primary key (scenario_id, closed_hour, stage_id) include (entered, went_on)
);

-- deal_funnel_closings: per scenario, hour and the stage a deal was closed in, how many were
-- won and how many lost for each reason (loss_reason_id 0 for won).
create table deal_funnel_closings (
    scenario_id    bigint      not null,
    closed_hour    timestamptz not null,
    stage_id       bigint      not null,
    state          text        not null,
    loss_reason_id bigint      not null,
    deals          int         not null,
    primary key (scenario_id, closed_hour, stage_id, state, loss_reason_id) include (deals)
);

-- deal_win_rates: of the closed deals that reached a stage, how many were won: for the
-- whole scenario (basis 'scenario', key ''), per responsible manager ('manager', user id),
-- per client ('client', client id) and per deal kind ('kind', the kind in lower case).
create table deal_win_rates (
    scenario_id bigint not null,
    stage_id    bigint not null,
    basis       text   not null check (basis in ('scenario', 'manager', 'client', 'kind')),
    basis_key   text   not null,
    closed      int    not null,
    won         int    not null,
    primary key (scenario_id, stage_id, basis, basis_key) include (closed, won)
);

-- Adds (sign 1) or takes away (sign -1) one closed deal. Its stays are those it had when it
-- closed (entered by then), so that taking it away on reopening subtracts exactly what
-- closing added, whatever stays the reopened deal has since. Rows are written in key order,
-- so that two deals closing at once lock shared counters in the same order.
create function deal_counts_apply(d deals, sign int) returns void language plpgsql as $$
declare
    hour timestamptz := date_trunc('hour', d.closed_at, 'UTC');
begin
    insert into deal_funnel_passes as p (scenario_id, closed_hour, stage_id, entered, went_on)
    select d.scenario_id, hour, v.stage_id, sign,
           sign * max(case when v.outcome = 'WON' or (v.outcome = 'MOVED' and n.position > s.position) then 1 else 0 end)
      from deal_stage_visits v
      join sales_stages s on s.id = v.stage_id
      left join sales_stages n on n.id = v.next_stage_id
     where v.deal_id = d.id and v.entered_at <= d.closed_at
     group by v.stage_id
     order by v.stage_id
    on conflict (scenario_id, closed_hour, stage_id)
    do update set entered = p.entered + excluded.entered, went_on = p.went_on + excluded.went_on;

    insert into deal_funnel_closings as c (scenario_id, closed_hour, stage_id, state, loss_reason_id, deals)
    values (d.scenario_id, hour, d.stage_id, d.state, coalesce(d.loss_reason_id, 0), sign)
    on conflict (scenario_id, closed_hour, stage_id, state, loss_reason_id)
    do update set deals = c.deals + excluded.deals;

    insert into deal_win_rates as w (scenario_id, stage_id, basis, basis_key, closed, won)
    select d.scenario_id, st.stage_id, b.basis, b.basis_key, sign, case when d.state = 'WON' then sign else 0 end
      from (select distinct stage_id from deal_stage_visits
             where deal_id = d.id and entered_at <= d.closed_at) st
     cross join (values ('scenario', ''), ('manager', d.responsible_id::text), ('client', d.client_id::text),
                        ('kind', lower(btrim(d.kind)))) as b (basis, basis_key)
     where b.basis_key is not null and b.basis_key <> '' or b.basis = 'scenario'
     order by st.stage_id, b.basis, b.basis_key
    on conflict (scenario_id, stage_id, basis, basis_key)
    do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;
end $$;

-- A deal counts while it is closed and not in the recycle bin. Deferred to the commit, when
-- the deal's stays are written too (Hibernate may update the deal before the stay it
-- closes).
create function deal_counts() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.closed_at is not null and old.deleted_at is null then
            perform deal_counts_apply(old, -1);
        end if;
        return old;
    end if;
    if tg_op = 'UPDATE' then
        if old.closed_at is not distinct from new.closed_at and old.deleted_at is not distinct from new.deleted_at
           and old.state = new.state and old.stage_id = new.stage_id and old.scenario_id = new.scenario_id
           and old.loss_reason_id is not distinct from new.loss_reason_id
           and old.responsible_id = new.responsible_id and old.client_id = new.client_id
           and old.kind is not distinct from new.kind then
            return null;
        end if;
        if old.closed_at is not null and old.deleted_at is null then
            perform deal_counts_apply(old, -1);
        end if;
    end if;
    if new.closed_at is not null and new.deleted_at is null then
        perform deal_counts_apply(new, 1);
    end if;
    return null;
end $$;

create constraint trigger deals_counts after insert or update on deals
    deferrable initially deferred for each row execute function deal_counts();
-- Before the stays go with the deal (on delete cascade).
create trigger deals_counts_delete before delete on deals for each row execute function deal_counts();

-- The deals closed so far, in three statements (one function call per deal took minutes for
-- a hundred thousand deals).
create temp table closed_stays as
select d.id as deal_id, d.scenario_id, date_trunc('hour', d.closed_at, 'UTC') as closed_hour, d.state,
       d.responsible_id, d.client_id, lower(btrim(d.kind)) as kind, v.stage_id,
       max(case when v.outcome = 'WON' or (v.outcome = 'MOVED' and n.position > s.position) then 1 else 0 end)
           as went_on
  from deals d
  join deal_stage_visits v on v.deal_id = d.id and v.entered_at <= d.closed_at
  join sales_stages s on s.id = v.stage_id
  left join sales_stages n on n.id = v.next_stage_id
 where d.closed_at is not null and d.deleted_at is null
 group by d.id, v.stage_id;

insert into deal_funnel_passes (scenario_id, closed_hour, stage_id, entered, went_on)
select scenario_id, closed_hour, stage_id, count(*), sum(went_on)
  from closed_stays group by scenario_id, closed_hour, stage_id;

insert into deal_funnel_closings (scenario_id, closed_hour, stage_id, state, loss_reason_id, deals)
select scenario_id, date_trunc('hour', closed_at, 'UTC'), stage_id, state, coalesce(loss_reason_id, 0), count(*)
  from deals where closed_at is not null and deleted_at is null
 group by 1, 2, 3, 4, 5;

insert into deal_win_rates (scenario_id, stage_id, basis, basis_key, closed, won)
select c.scenario_id, c.stage_id, b.basis, b.basis_key, count(*), count(*) filter (where c.state = 'WON')
  from closed_stays c
 cross join lateral (values ('scenario', ''), ('manager', c.responsible_id::text), ('client', c.client_id::text),
                            ('kind', c.kind)) as b (basis, basis_key)
 where b.basis_key is not null and b.basis_key <> '' or b.basis = 'scenario'
 group by 1, 2, 3, 4;

drop table closed_stays;

-- What reports read of them.
create view published_deal_funnel_passes as
select scenario_id, closed_hour, stage_id, entered, went_on from deal_funnel_passes;
create view published_deal_funnel_closings as
select scenario_id, closed_hour, stage_id, state, nullif(loss_reason_id, 0) as loss_reason_id, deals
  from deal_funnel_closings;
