-- Counters of the open deals, kept as deals are opened, moved, edited, closed, reopened,
-- reassigned, sent to the recycle bin and restored: what the funnel's open part adds up
-- for a reader who sees every deal (docs/decisions/0008), instead of an index-only scan of
-- every open deal of the scenario (~350,000 on the M data set).
--
-- Per scenario, stage, responsible manager and currency: how many open deals, their
-- amount, their amount times probability (the weighted amount is its hundredth, rounded
-- when read, as the deals' own sum is) and the sum of the epochs at which they entered
-- their stage (days in stage at a moment t: (deals * t - entered_epochs) / 86400).
create table deal_open_counts (
    scenario_id    bigint  not null,
    stage_id       bigint  not null,
    responsible_id bigint  not null,
    currency       char(3) not null,
    deals          int     not null,
    amount         numeric not null,
    weighted       numeric not null,
    entered_epochs numeric not null,
    primary key (scenario_id, stage_id, responsible_id, currency)
        include (deals, amount, weighted, entered_epochs)
);

-- A deal counts while it is in work and not in the recycle bin. Not deferred: what counts
-- is the deal's own row, not its stays. Per statement, from its transition tables: the
-- rows a statement took away and added are summed per key first, so that a statement
-- changing many deals of one manager and stage (a reassignment, a bulk insert) writes each
-- counter once rather than once per deal (row by row, every update of the same counter in
-- one transaction walks the chain of its earlier versions). Keys whose sums cancel out
-- (an edit of the subject) are not written; the rest are written in key order, so that
-- two transactions lock shared counters in the same order.
create function deal_open_counts() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into deal_open_counts as o (scenario_id, stage_id, responsible_id, currency, deals, amount, weighted,
                                           entered_epochs)
        select a.scenario_id, a.stage_id, a.responsible_id, a.currency, count(*), sum(a.amount),
               sum(a.amount * a.probability), sum(extract(epoch from a.stage_entered_at))
          from added a
         where a.state = 'IN_WORK' and a.deleted_at is null
         group by a.scenario_id, a.stage_id, a.responsible_id, a.currency
         order by a.scenario_id, a.stage_id, a.responsible_id, a.currency
        on conflict (scenario_id, stage_id, responsible_id, currency)
        do update set deals = o.deals + excluded.deals, amount = o.amount + excluded.amount,
                      weighted = o.weighted + excluded.weighted,
                      entered_epochs = o.entered_epochs + excluded.entered_epochs;
    elsif tg_op = 'DELETE' then
        insert into deal_open_counts as o (scenario_id, stage_id, responsible_id, currency, deals, amount, weighted,
                                           entered_epochs)
        select t.scenario_id, t.stage_id, t.responsible_id, t.currency, -count(*), -sum(t.amount),
               -sum(t.amount * t.probability), -sum(extract(epoch from t.stage_entered_at))
          from taken t
         where t.state = 'IN_WORK' and t.deleted_at is null
         group by t.scenario_id, t.stage_id, t.responsible_id, t.currency
         order by t.scenario_id, t.stage_id, t.responsible_id, t.currency
        on conflict (scenario_id, stage_id, responsible_id, currency)
        do update set deals = o.deals + excluded.deals, amount = o.amount + excluded.amount,
                      weighted = o.weighted + excluded.weighted,
                      entered_epochs = o.entered_epochs + excluded.entered_epochs;
    else
        insert into deal_open_counts as o (scenario_id, stage_id, responsible_id, currency, deals, amount, weighted,
                                           entered_epochs)
        select c.scenario_id, c.stage_id, c.responsible_id, c.currency, sum(c.sign), sum(c.sign * c.amount),
               sum(c.sign * c.amount * c.probability), sum(c.sign * extract(epoch from c.stage_entered_at))
          from (select -1 as sign, t.scenario_id, t.stage_id, t.responsible_id, t.currency, t.amount,
                       t.probability, t.stage_entered_at
                  from taken t where t.state = 'IN_WORK' and t.deleted_at is null
                union all
                select 1, a.scenario_id, a.stage_id, a.responsible_id, a.currency, a.amount, a.probability,
                       a.stage_entered_at
                  from added a where a.state = 'IN_WORK' and a.deleted_at is null) c
         group by c.scenario_id, c.stage_id, c.responsible_id, c.currency
        having sum(c.sign) <> 0 or sum(c.sign * c.amount) <> 0 or sum(c.sign * c.amount * c.probability) <> 0
            or sum(c.sign * extract(epoch from c.stage_entered_at)) <> 0
         order by c.scenario_id, c.stage_id, c.responsible_id, c.currency
        on conflict (scenario_id, stage_id, responsible_id, currency)
        do update set deals = o.deals + excluded.deals, amount = o.amount + excluded.amount,
                      weighted = o.weighted + excluded.weighted,
                      entered_epochs = o.entered_epochs + excluded.entered_epochs;
    end if;
    return null;
end $$;

create trigger deals_open_counts_insert after insert on deals
    referencing new table as added for each statement execute function deal_open_counts();
create trigger deals_open_counts_update after update on deals
    referencing old table as taken new table as added for each statement execute function deal_open_counts();
create trigger deals_open_counts_delete after delete on deals
    referencing old table as taken for each statement execute function deal_open_counts();

insert into deal_open_counts (scenario_id, stage_id, responsible_id, currency, deals, amount, weighted, entered_epochs)
select scenario_id, stage_id, responsible_id, currency, count(*), sum(amount), sum(amount * probability),
       sum(extract(epoch from stage_entered_at))
  from deals where state = 'IN_WORK' and deleted_at is null
 group by 1, 2, 3, 4;

-- What reports read of them.
create view published_deal_open_counts as
select scenario_id, stage_id, responsible_id, currency, deals, amount, weighted, entered_epochs
  from deal_open_counts;

-- The bulk load (the generated data sets) writes deals with the triggers off and then
-- rebuilds every counter: the closing counters as V2026_11_24_1450 does, and these.
create or replace function deal_counts_rebuild() returns void language plpgsql as $$
begin
    delete from deal_funnel_passes;
    delete from deal_funnel_closings;
    delete from deal_win_rates;
    delete from deal_open_counts;

    create temp table closed_stays on commit drop as
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

    insert into deal_open_counts (scenario_id, stage_id, responsible_id, currency, deals, amount, weighted,
                                  entered_epochs)
    select scenario_id, stage_id, responsible_id, currency, count(*), sum(amount), sum(amount * probability),
           sum(extract(epoch from stage_entered_at))
      from deals where state = 'IN_WORK' and deleted_at is null
     group by 1, 2, 3, 4;
end $$;
