-- The clients module's side of lead conversion creating a deal: the lead keeps the deal it
-- became, as it keeps its client and contact person.
alter table leads add column deal_id bigint references deals (id);
