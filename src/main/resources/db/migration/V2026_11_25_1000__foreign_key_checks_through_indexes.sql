-- Deleting a row makes PostgreSQL look for rows that still refer to it, with
-- "select 1 from only <table> where <column> = $1". A partial index whose condition that
-- query does not imply cannot answer it, so the check read the whole table once per deleted
-- row: removing the clients of an import on M read the two million deals for each client
-- (the only index on deals.client_id covered live deals). The indexes below answer the
-- checks; the queries that used the partial ones filter the few deleted deals on the heap.
drop index deals_client_idx;
create index deals_client_idx on deals (client_id, state);

drop index deals_scenario_stage_idx;
create index deals_scenario_stage_idx on deals (scenario_id, stage_id, state);

create index leads_department_idx on leads (department_id);
