-- An interaction's participants by the interaction (its card, its edit, the cascade on
-- delete): the two unique indexes are partial (users, contact persons) and cannot answer
-- "all participants of this interaction"; without this a card read the whole table.
create index if not exists interaction_participants_interaction_idx on interaction_participants (interaction_id);
-- The planned interactions of a period, everyone's (the calendar's participant branch
-- reads their ids from this index alone and meets them with the users' participations).
create index if not exists interactions_planned_at_idx on interactions (planned_at, id)
    where state = 'PLANNED' and deleted_at is null;
