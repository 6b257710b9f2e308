-- The references into deals, their stages and reasons, each with an index to check it when
-- the referenced row is deleted (see V2026_11_24_1046).
create index deal_checks_item_idx on deal_checks (item_id);
create index deal_merge_moves_deal_idx on deal_merge_moves (deal_id);
create index deal_stage_visits_next_stage_idx on deal_stage_visits (next_stage_id) where next_stage_id is not null;
create index deals_contact_idx on deals (contact_id) where contact_id is not null;
create index deals_loss_reason_idx on deals (loss_reason_id) where loss_reason_id is not null;
create index deals_stage_idx on deals (stage_id);
create index leads_deal_idx on leads (deal_id) where deal_id is not null;
