-- Deals: sales scenarios with their ordered stages and checklists, loss reasons, the deals
-- with their lines, checklist ticks, attachments and every stay in a stage.

-- A line of business's way to a sale. Seeded in Russian, like the other dictionaries (lead
-- rejection reasons): names are data the administrator edits, not interface text.
create table sales_scenarios (
    id       bigint generated always as identity primary key,
    name     text    not null check (length(btrim(name)) between 1 and 100),
    position int     not null default 0,
    active   boolean not null default true,
    version  bigint  not null default 0
);
create unique index sales_scenarios_name_uq on sales_scenarios (lower(name));

-- A stage of a scenario, in the scenario's order. A deal longer than max_days in a stage is
-- stalled. A stage that deals stand in or passed through is switched off, never deleted.
create table sales_stages (
    id          bigint generated always as identity primary key,
    scenario_id bigint  not null references sales_scenarios (id),
    name        text    not null check (length(btrim(name)) between 1 and 100),
    position    int     not null,
    probability int     not null check (probability between 0 and 100),
    max_days    int     check (max_days > 0),
    active      boolean not null default true,
    version     bigint  not null default 0
);
create index sales_stages_scenario_idx on sales_stages (scenario_id, position);

-- What must be done before a deal leaves the stage; an optional item is a reminder only.
create table stage_checklist_items (
    id       bigint generated always as identity primary key,
    stage_id bigint  not null references sales_stages (id),
    text     text    not null check (length(btrim(text)) between 1 and 300),
    optional boolean not null default false,
    position int     not null,
    active   boolean not null default true
);
create index stage_checklist_items_stage_idx on stage_checklist_items (stage_id, position);

create table deal_loss_reasons (
    id       bigint generated always as identity primary key,
    name     text    not null check (length(btrim(name)) between 1 and 100),
    position int     not null default 0,
    active   boolean not null default true,
    version  bigint  not null default 0
);
create unique index deal_loss_reasons_name_uq on deal_loss_reasons (lower(name));

create table deals (
    id               bigint generated always as identity primary key,
    client_id        bigint        not null references clients (id),
    contact_id       bigint        references contacts (id),
    subject          text          not null check (length(btrim(subject)) between 1 and 300),
    description      text,
    kind             text,
    scenario_id      bigint        not null references sales_scenarios (id),
    stage_id         bigint        not null references sales_stages (id),
    mode             text          not null check (mode in ('WITHOUT_PROCESS', 'MANUAL_STAGES', 'PROCESS_CONTROLLED')),
    state            text          not null check (state in ('IN_WORK', 'WON', 'LOST')),
    loss_reason_id   bigint        references deal_loss_reasons (id),
    loss_note        text,
    amount           numeric(19,2) not null default 0 check (amount >= 0),
    currency         char(3)       not null default 'RUB',
    probability      int           not null check (probability between 0 and 100),
    expected_close   date,
    channel          text,
    responsible_id   bigint        not null references users (id),
    co_executor_ids  bigint[]      not null default '{}',
    tags             text[]        not null default '{}',
    custom           jsonb         not null default '{}',
    lead_id          bigint        references leads (id),
    stage_entered_at timestamptz   not null,
    closed_at        timestamptz,
    created_at       timestamptz   not null default now(),
    created_by       bigint        references users (id),
    updated_at       timestamptz   not null default now(),
    deleted_at       timestamptz,
    deleted_by       bigint        references users (id),
    version          bigint        not null default 0,
    check (state <> 'LOST' or loss_reason_id is not null),
    check ((state = 'IN_WORK') = (closed_at is null))
);
-- The list's orders (keyset: the sort value, then the id) for everyone and for one manager,
-- and what the access condition and the filters look up.
create index deals_created_idx on deals (created_at, id) where deleted_at is null;
create index deals_updated_idx on deals (updated_at, id) where deleted_at is null;
create index deals_subject_idx on deals (lower(subject), id) where deleted_at is null;
create index deals_expected_idx on deals (coalesce(expected_close, date '0001-01-01'), id) where deleted_at is null;
create index deals_amount_idx on deals (amount, id) where deleted_at is null;
-- A manager's deals by state, carrying what the totals add up (index-only sums).
create index deals_responsible_idx on deals (responsible_id, state, created_at, id)
    include (amount, probability, currency) where deleted_at is null;
create index deals_co_executors_idx on deals using gin (co_executor_ids) where deleted_at is null;
create index deals_client_idx on deals (client_id, state) where deleted_at is null;
create index deals_scenario_stage_idx on deals (scenario_id, stage_id, state) where deleted_at is null;
create index deals_tags_idx on deals using gin (tags) where deleted_at is null;
create index deals_custom_idx on deals using gin (custom jsonb_path_ops) where deleted_at is null;
create index deals_subject_trgm_idx on deals using gin (lower(subject) gin_trgm_ops);
create index deals_deleted_idx on deals (deleted_at desc, id) where deleted_at is not null;
create index deals_lead_idx on deals (lead_id) where lead_id is not null;

-- What the deal is about: a product (the catalog comes later) or free text, quantity,
-- price and a discount in percent.
create table deal_lines (
    deal_id    bigint        not null references deals (id) on delete cascade,
    position   int           not null,
    product_id bigint,
    product    text          not null check (length(btrim(product)) between 1 and 300),
    quantity   numeric(19,3) not null check (quantity > 0),
    price      numeric(19,2) not null check (price >= 0),
    discount   numeric(5,2)  not null default 0 check (discount between 0 and 100),
    primary key (deal_id, position)
);

-- A checklist item of a stage ticked on a deal.
create table deal_checks (
    deal_id    bigint      not null references deals (id) on delete cascade,
    item_id    bigint      not null references stage_checklist_items (id),
    ticked_by  bigint      references users (id),
    ticked_at  timestamptz not null,
    primary key (deal_id, item_id)
);

-- Every stay of a deal in a stage: when it entered and left, and how the stay ended
-- (MOVED on to another stage, WON, LOST; null while it lasts). The funnel reads these: the
-- deals that entered a stage, those that went on (MOVED to a later stage or WON) and where
-- they were lost. A reopened deal starts a new stay.
create table deal_stage_visits (
    id          bigint generated always as identity primary key,
    deal_id     bigint      not null references deals (id) on delete cascade,
    scenario_id bigint      not null references sales_scenarios (id),
    stage_id    bigint      not null references sales_stages (id),
    entered_at  timestamptz not null,
    entered_by  bigint      references users (id),
    left_at     timestamptz,
    left_by     bigint      references users (id),
    outcome     text        check (outcome in ('MOVED', 'WON', 'LOST')),
    next_stage_id bigint    references sales_stages (id),
    check ((left_at is null) = (outcome is null))
);
create index deal_stage_visits_deal_idx on deal_stage_visits (deal_id, entered_at);
create index deal_stage_visits_funnel_idx on deal_stage_visits (scenario_id, stage_id, entered_at)
    include (deal_id, outcome, left_at);
-- The stays going on now (one per deal, kept so by the deal aggregate: Hibernate inserts the
-- new stay before it updates the old one, so a unique index would refuse the move).
create index deal_stage_visits_open_idx on deal_stage_visits (stage_id, entered_at) where left_at is null;

-- Files of a deal, in the database (content) or on disk under CLIENTELE_HOME (path).
create table deal_attachments (
    id           bigint generated always as identity primary key,
    deal_id      bigint      not null references deals (id) on delete cascade,
    file_name    text        not null,
    content_type text        not null,
    size         bigint      not null,
    content      bytea,
    path         text,
    uploaded_by  bigint      references users (id),
    uploaded_at  timestamptz not null,
    check ((content is null) <> (path is null))
);
create index deal_attachments_deal_idx on deal_attachments (deal_id);

-- Deals moved from a merged client to the survivor, by merge, to move them back on undo.
create table deal_merge_moves (
    merge_id bigint not null,
    deal_id  bigint not null references deals (id) on delete cascade,
    from_client_id bigint not null,
    from_contact_id bigint,
    primary key (merge_id, deal_id)
);

insert into deal_loss_reasons (name, position) values
    ('Дорого', 1), ('Выбрали конкурента', 2), ('Нет бюджета', 3), ('Потребность отпала', 4),
    ('Не удалось связаться', 5);

insert into sales_scenarios (name, position) values ('Оптовые продажи', 1), ('Услуги', 2);

insert into sales_stages (scenario_id, name, position, probability, max_days)
select s.id, v.name, v.position, v.probability, v.max_days
  from sales_scenarios s
  join (values
    ('Оптовые продажи', 'Первичный контакт', 1, 10, 7),
    ('Оптовые продажи', 'Выявление потребностей', 2, 20, 14),
    ('Оптовые продажи', 'Коммерческое предложение', 3, 40, 14),
    ('Оптовые продажи', 'Переговоры', 4, 60, 21),
    ('Оптовые продажи', 'Договор', 5, 80, 14),
    ('Оптовые продажи', 'Счёт выставлен', 6, 90, 10),
    ('Услуги', 'Заявка', 1, 10, 3),
    ('Услуги', 'Оценка работ', 2, 30, 7),
    ('Услуги', 'Предложение', 3, 50, 14),
    ('Услуги', 'Согласование', 4, 70, 14),
    ('Услуги', 'Договор и предоплата', 5, 90, 10)
  ) as v (scenario, name, position, probability, max_days) on v.scenario = s.name;

insert into stage_checklist_items (stage_id, text, optional, position)
select st.id, v.text, v.optional, v.position
  from sales_stages st
  join sales_scenarios s on s.id = st.scenario_id
  join (values
    ('Оптовые продажи', 'Выявление потребностей', 'Известны объём и сроки поставки', false, 1),
    ('Оптовые продажи', 'Выявление потребностей', 'Известно, кто принимает решение', false, 2),
    ('Оптовые продажи', 'Коммерческое предложение', 'Предложение отправлено клиенту', false, 1),
    ('Оптовые продажи', 'Коммерческое предложение', 'Клиент подтвердил получение', true, 2),
    ('Оптовые продажи', 'Договор', 'Договор подписан обеими сторонами', false, 1),
    ('Услуги', 'Оценка работ', 'Смета согласована с исполнителем', false, 1),
    ('Услуги', 'Предложение', 'Предложение отправлено клиенту', false, 1)
  ) as v (scenario, stage, text, optional, position) on v.scenario = s.name and v.stage = st.name;
