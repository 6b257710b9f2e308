-- The closing counters of V2026_11_24_1310 computed afresh from the deals and their stays,
-- for a bulk load that wrote deals with the counting trigger switched off (the generated
-- data sets): the same three statements as that migration's backfill, the old counts
-- deleted first. Set-based: a per-deal function call takes minutes for a hundred thousand
-- deals. Nothing else may write deals meanwhile.
create function deal_counts_rebuild() returns void language plpgsql as $$
begin
    delete from deal_funnel_passes;
    delete from deal_funnel_closings;
    delete from deal_win_rates;

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
end $$;
