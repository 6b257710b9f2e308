-- Every deal page reads the sales scenarios, stages, checklists and loss reasons; they change
-- rarely. Nodes keep them in memory and check this one number instead of reading them: any
-- change to those tables takes a fresh number from a sequence (never reused, also after a
-- rolled-back change), so a node's copy is current exactly when its number is.
create sequence sales_settings_seq;

create table sales_settings_version (
    only_row boolean primary key default true check (only_row),
    version bigint not null
);

insert into sales_settings_version (version) values (nextval('sales_settings_seq'));

create function sales_settings_changed() returns trigger language plpgsql as $$
begin
    update sales_settings_version set version = nextval('sales_settings_seq');
    return null;
end
$$;

create trigger sales_scenarios_changed after insert or update or delete or truncate on sales_scenarios
    for each statement execute function sales_settings_changed();
create trigger sales_stages_changed after insert or update or delete or truncate on sales_stages
    for each statement execute function sales_settings_changed();
create trigger stage_checklist_items_changed after insert or update or delete or truncate on stage_checklist_items
    for each statement execute function sales_settings_changed();
create trigger deal_loss_reasons_changed after insert or update or delete or truncate on deal_loss_reasons
    for each statement execute function sales_settings_changed();
