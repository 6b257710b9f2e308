-- A merge of clients or contact persons moves the merged record's interactions and tasks
-- to the survivor (as it moves deals); what moved is kept under the merge's id so that
-- undoing the merge moves it back.
create table interaction_merge_moves (
    merge_id        bigint not null,
    interaction_id  bigint not null references interactions (id) on delete cascade,
    from_client_id  bigint not null,
    from_contact_id bigint,
    primary key (merge_id, interaction_id)
);

create index interaction_merge_moves_interaction_idx on interaction_merge_moves (interaction_id);

create table task_merge_moves (
    merge_id        bigint not null,
    task_id         bigint not null references tasks (id) on delete cascade,
    from_client_id  bigint,
    from_contact_id bigint,
    primary key (merge_id, task_id)
);

create index task_merge_moves_task_idx on task_merge_moves (task_id);
