-- Extra fields an administrator adds to records, and the users' saved list views.
create table custom_fields (
    id            bigint generated always as identity primary key,
    entity        text    not null check (entity in ('CLIENT', 'CONTACT', 'DEAL', 'LEAD')),
    label         text    not null check (length(btrim(label)) between 1 and 100),
    type          text    not null check (type in ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE', 'MULTI_CHOICE', 'LINK')),
    required      boolean not null default false,
    options       jsonb   not null default '[]',
    position      int     not null,
    shown_in_list boolean not null default false,
    active        boolean not null default true,
    version       bigint  not null default 0
);
create index custom_fields_entity_idx on custom_fields (entity, position);

create table saved_views (
    id                   bigint generated always as identity primary key,
    list                 text        not null,
    name                 text        not null check (length(btrim(name)) between 1 and 100),
    owner_id             bigint      not null references users (id),
    shared_department_id bigint      references departments (id),
    query                text        not null,
    created_at           timestamptz not null default now(),
    version              bigint      not null default 0
);
create index saved_views_owner_idx on saved_views (list, owner_id);
create index saved_views_shared_idx on saved_views (list, shared_department_id) where shared_department_id is not null;
