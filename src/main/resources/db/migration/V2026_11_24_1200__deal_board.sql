-- The deal board ("My sales"): a column is the open deals of one stage, first by expected
-- close date. For a reader who sees every deal (an administrator) a column's first cards
-- are one range of this index, and its count and sums an index-only scan of it; a
-- manager's and a head's columns start from deals_responsible_idx and the co-executors'
-- GIN index instead.
create index deals_board_idx on deals (scenario_id, stage_id, expected_close, id)
    include (amount, probability, currency)
    where deleted_at is null and state = 'IN_WORK';

-- The scenario a user last chose on the board, shown again next time.
create table deal_board_choices (
    user_id     bigint primary key references users (id) on delete cascade,
    scenario_id bigint not null references sales_scenarios (id) on delete cascade
);
create index deal_board_choices_scenario_idx on deal_board_choices (scenario_id);
