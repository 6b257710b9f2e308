-- The funnel's three statements as SalesFunnel runs them, for the administrator (all deals
-- of a scenario) and for a manager (their own and co-executed deals), on funnel-data.sql.
-- psql -v scenario=1 -v from="'2025-11-24'" -v to="'2026-11-25'" -v manager=18 -f funnel-explain.sql
\set ON_ERROR_STOP on
\echo '== open, administrator (from the counters)'
explain (analyze, buffers, costs off)
select o.stage_id, o.currency, sum(o.deals), sum(o.amount), round(sum(o.weighted) / 100.0, 2),
       (sum(o.deals) * extract(epoch from now()) - sum(o.entered_epochs)) / 86400.0
  from published_deal_open_counts o
 where o.scenario_id = :scenario
 group by o.stage_id, o.currency
having sum(o.deals) > 0;
\echo '== closed stays, administrator'
explain (analyze, buffers, costs off)
select v.stage_id, count(distinct v.deal_id), count(distinct v.deal_id) filter (where v.went_on)
  from published_deals d
  join published_deal_stage_visits v on v.deal_id = d.id
 where d.closed_at >= :from::timestamptz and d.closed_at < :to::timestamptz and d.scenario_id = :scenario and true
 group by v.stage_id;
\echo '== closed outcomes, administrator'
explain (analyze, buffers, costs off)
select d.state, d.stage_id, d.loss_reason_id, count(*)
  from published_deals d
 where d.closed_at >= :from::timestamptz and d.closed_at < :to::timestamptz and d.scenario_id = :scenario and true
 group by d.state, d.stage_id, d.loss_reason_id;
\echo '== open, manager'
explain (analyze, buffers, costs off)
select d.stage_id, d.currency, count(*), sum(d.amount), round(sum(d.amount * d.probability) / 100.0, 2),
       sum(extract(epoch from (now() - d.stage_entered_at))) / 86400.0
  from published_deals d
 where d.state = 'IN_WORK' and d.scenario_id = :scenario
   and (d.responsible_id = :manager or d.co_executor_ids && array[:manager]::bigint[])
 group by d.stage_id, d.currency;
\echo '== closed stays, manager'
explain (analyze, buffers, costs off)
select v.stage_id, count(distinct v.deal_id), count(distinct v.deal_id) filter (where v.went_on)
  from published_deals d
  join published_deal_stage_visits v on v.deal_id = d.id
 where d.closed_at >= :from::timestamptz and d.closed_at < :to::timestamptz and d.scenario_id = :scenario
   and (d.responsible_id = :manager or d.co_executor_ids && array[:manager]::bigint[])
 group by v.stage_id;
