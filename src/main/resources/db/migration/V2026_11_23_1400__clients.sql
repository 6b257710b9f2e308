-- The client base: clients (organisations and individuals), contact persons and their links
-- to clients, additional legal entities, segments and who may work which segment.

create table segment_types (
    id       bigint generated always as identity primary key,
    name     text   not null check (length(btrim(name)) between 1 and 100),
    position int    not null default 0,
    version  bigint not null default 0
);
create unique index segment_types_name_uq on segment_types (lower(name));

create table segments (
    id      bigint generated always as identity primary key,
    type_id bigint  not null references segment_types (id),
    name    text    not null check (length(btrim(name)) between 1 and 100),
    active  boolean not null default true,
    version bigint  not null default 0
);
create unique index segments_name_uq on segments (type_id, lower(name));

-- A manager given a segment sees and works its clients besides their own.
create table segment_grants (
    user_id    bigint not null references users (id),
    segment_id bigint not null references segments (id),
    primary key (user_id, segment_id)
);
create index segment_grants_segment_idx on segment_grants (segment_id);

create table clients (
    id             bigint generated always as identity primary key,
    kind           text        not null check (kind in ('ORGANISATION', 'INDIVIDUAL')),
    name           text        not null,
    short_name     text,
    last_name      text,
    first_name     text,
    middle_name    text,
    inn            text,
    kpp            text,
    ogrn           text,
    industry       text,
    company_size   text check (company_size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    website        text,
    source         text,
    birthday       date,
    founded_on     date,
    notes          text,
    city           text,
    phones         jsonb       not null default '[]',
    emails         jsonb       not null default '[]',
    messengers     jsonb       not null default '[]',
    addresses      jsonb       not null default '[]',
    bank_accounts  jsonb       not null default '[]',
    key_dates      jsonb       not null default '[]',
    custom         jsonb       not null default '{}',
    segment_ids    bigint[]    not null default '{}',
    -- search columns, written with the record: E.164 digits and lower-cased addresses
    phone_digits   text[]      not null default '{}',
    email_lower    text[]      not null default '{}',
    responsible_id bigint      not null references users (id),
    created_at     timestamptz not null default now(),
    created_by     bigint references users (id),
    updated_at     timestamptz not null default now(),
    deleted_at     timestamptz,
    deleted_by     bigint references users (id),
    version        bigint      not null default 0
);
-- Keyset pages of the list, by each sort it offers (live records only).
create index clients_name_idx on clients (lower(name), id) where deleted_at is null;
create index clients_responsible_name_idx on clients (responsible_id, lower(name), id) where deleted_at is null;
create index clients_created_idx on clients (created_at, id) where deleted_at is null;
create index clients_updated_idx on clients (updated_at, id) where deleted_at is null;
create index clients_city_idx on clients (coalesce(lower(city), ''), lower(name), id) where deleted_at is null;
-- Filters and search.
create index clients_segments_idx on clients using gin (segment_ids) where deleted_at is null;
create index clients_custom_idx on clients using gin (custom jsonb_path_ops) where deleted_at is null;
create index clients_phones_idx on clients using gin (phone_digits);
create index clients_emails_idx on clients using gin (email_lower);
create index clients_inn_idx on clients (inn) where inn is not null;
create index clients_name_trgm_idx on clients using gin (lower(name) gin_trgm_ops);
-- The recycle bin.
create index clients_deleted_idx on clients (deleted_at desc, id) where deleted_at is not null;

create table contacts (
    id           bigint generated always as identity primary key,
    last_name    text,
    first_name   text,
    middle_name  text,
    full_name    text        not null,
    birthday     date,
    phones       jsonb       not null default '[]',
    emails       jsonb       not null default '[]',
    messengers   jsonb       not null default '[]',
    notes        text,
    custom       jsonb       not null default '{}',
    phone_digits text[]      not null default '{}',
    email_lower  text[]      not null default '{}',
    created_at   timestamptz not null default now(),
    created_by   bigint references users (id),
    updated_at   timestamptz not null default now(),
    deleted_at   timestamptz,
    deleted_by   bigint references users (id),
    version      bigint      not null default 0
);
create index contacts_name_idx on contacts (lower(full_name), id) where deleted_at is null;
create index contacts_phones_idx on contacts using gin (phone_digits);
create index contacts_emails_idx on contacts using gin (email_lower);
create index contacts_name_trgm_idx on contacts using gin (lower(full_name) gin_trgm_ops);
create index contacts_deleted_idx on contacts (deleted_at desc, id) where deleted_at is not null;

-- A contact person works for one client or several (a consultant for two companies); the
-- role is per client.
create table client_contacts (
    client_id    bigint  not null references clients (id),
    contact_id   bigint  not null references contacts (id),
    position     text,
    department   text,
    key_person   boolean not null default false,
    left_company boolean not null default false,
    left_on      date,
    primary key (client_id, contact_id)
);
create index client_contacts_contact_idx on client_contacts (contact_id);

-- Further legal entities through which a client (a group of companies) acts; the client's
-- own requisites are its first.
create table legal_entities (
    id            bigint generated always as identity primary key,
    client_id     bigint not null references clients (id),
    name          text   not null,
    inn           text,
    kpp           text,
    ogrn          text,
    address       text,
    bank_accounts jsonb  not null default '[]',
    version       bigint not null default 0
);
create index legal_entities_client_idx on legal_entities (client_id);

-- Which fields a client of each kind must have filled in (completeness on the card).
create table client_required_fields (
    kind  text not null check (kind in ('ORGANISATION', 'INDIVIDUAL')),
    field text not null,
    primary key (kind, field)
);
insert into client_required_fields (kind, field) values
    ('ORGANISATION', 'inn'), ('ORGANISATION', 'phones'), ('ORGANISATION', 'emails'), ('ORGANISATION', 'addresses'),
    ('ORGANISATION', 'industry'), ('INDIVIDUAL', 'phones'), ('INDIVIDUAL', 'emails');
