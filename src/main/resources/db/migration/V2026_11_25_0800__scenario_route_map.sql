-- The route map (a BPMN process key of the engine) that the process-controlled deals of a
-- scenario follow; null: the scenario's deals cannot be switched to process control. The
-- key names the map, not a version: a deal starts on the map's latest version (decision 0015).
alter table sales_scenarios add column route_map_key text
    check (route_map_key is null or length(route_map_key) between 1 and 200);

-- The shipped wholesale scenario follows the shipped standard sale, whose actions name its
-- stages.
update sales_scenarios set route_map_key = 'standard-sale' where name = 'Оптовые продажи';
