-- A merge of contact persons also moves the merged person's places among interactions'
-- participants to the survivor. Where both took part in one interaction, the merged
-- person's row goes instead (the unique index allows a person once per interaction) and
-- is kept here as dropped, so that undoing the merge puts it back.
create table interaction_participant_merge_moves (
    merge_id        bigint  not null,
    interaction_id  bigint  not null references interactions (id) on delete cascade,
    from_contact_id bigint  not null,
    dropped         boolean not null,
    primary key (merge_id, interaction_id)
);

create index interaction_participant_merge_moves_interaction_idx
    on interaction_participant_merge_moves (interaction_id);
