-- What the deals module publishes for reports (the sales funnel): read-only views of the
-- live deals and of their stays in stages. Reports read these, never the tables, and put
-- DealVisibility's condition on the view's responsible_id and co_executor_ids columns.

create view published_deals as
select id, client_id, kind, scenario_id, stage_id, state, loss_reason_id, amount, currency, probability,
       responsible_id, co_executor_ids, stage_entered_at, closed_at, created_at
  from deals
 where deleted_at is null;

-- A stay in a stage; went_on: the deal left the stage forwards (moved to a later stage of
-- the scenario) or was won in it. A move back or a loss is not going on.
create view published_deal_stage_visits as
select v.deal_id, v.scenario_id, v.stage_id, v.entered_at, v.left_at, v.outcome,
       coalesce(v.outcome = 'WON' or (v.outcome = 'MOVED' and n.position > s.position), false) as went_on
  from deal_stage_visits v
  join sales_stages s on s.id = v.stage_id
  left join sales_stages n on n.id = v.next_stage_id;

-- The open deals of a scenario by stage, carrying what the funnel sums: an index-only scan
-- for the whole scenario (a manager's few hundred deals come from deals_responsible_idx).
create index deals_open_funnel_idx on deals (scenario_id, stage_id)
    include (responsible_id, currency, amount, probability, stage_entered_at)
    where state = 'IN_WORK' and deleted_at is null;

-- The deals of a scenario closed in a period, with where and why they closed.
create index deals_closed_funnel_idx on deals (scenario_id, closed_at)
    include (responsible_id, state, stage_id, loss_reason_id)
    where closed_at is not null and deleted_at is null;

-- A deal's stays with what the funnel needs of them, read index-only per closed deal.
drop index deal_stage_visits_deal_idx;
create index deal_stage_visits_deal_idx on deal_stage_visits (deal_id, entered_at)
    include (stage_id, outcome, next_stage_id);
