-- Leads: inbound requests not yet qualified, the reasons they are turned down, the web
-- forms that send them in, and how each department shares out its new leads.

create table lead_rejection_reasons (
    id       bigint generated always as identity primary key,
    name     text    not null check (length(btrim(name)) between 1 and 100),
    position int     not null default 0,
    active   boolean not null default true,
    version  bigint  not null default 0
);
create unique index lead_rejection_reasons_name_uq on lead_rejection_reasons (lower(name));
insert into lead_rejection_reasons (name, position) values
    ('Спам', 1), ('Не наш профиль', 2), ('Дубль', 3), ('Нет бюджета', 4), ('Не удалось связаться', 5);

-- A form on the company's website posting to /api/v1/leads/intake with its secret.
create table lead_forms (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(btrim(name)) between 1 and 100),
    secret_hash   bytea       not null unique,
    secret_hint   text        not null,
    department_id bigint      not null references departments (id),
    channel       text,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0
);

-- Whether a department shares its new leads out among its managers in turn, and whose
-- turn was last.
create table lead_distribution (
    department_id bigint primary key references departments (id),
    round_robin   boolean not null default false,
    last_user_id  bigint references users (id),
    version       bigint  not null default 0
);

create table leads (
    id                  bigint generated always as identity primary key,
    name                text        not null,
    company             text,
    phone               text,
    email               text,
    message             text,
    source              text        not null check (source in ('WEB_FORM', 'CALL', 'EMAIL', 'CHAT', 'MANUAL', 'IMPORT')),
    channel             text,
    status              text        not null check (status in ('NEW', 'IN_WORK', 'QUALIFIED', 'CONVERTED', 'REJECTED')),
    rejection_reason_id bigint      references lead_rejection_reasons (id),
    rejection_note      text,
    -- a new lead waits in its department's queue until a head (or the turn) gives it to someone
    responsible_id      bigint      references users (id),
    department_id       bigint      not null references departments (id),
    form_id             bigint      references lead_forms (id),
    client_id           bigint      references clients (id),
    contact_id          bigint      references contacts (id),
    converted_at        timestamptz,
    custom              jsonb       not null default '{}',
    phone_digits        text[]      not null default '{}',
    email_lower         text[]      not null default '{}',
    created_at          timestamptz not null default now(),
    created_by          bigint      references users (id),
    updated_at          timestamptz not null default now(),
    version             bigint      not null default 0,
    check (status <> 'REJECTED' or rejection_reason_id is not null)
);
create index leads_created_idx on leads (created_at, id);
create index leads_updated_idx on leads (updated_at, id);
create index leads_name_idx on leads (lower(name), id);
create index leads_responsible_created_idx on leads (responsible_id, created_at, id);
create index leads_queue_idx on leads (department_id, created_at, id) where responsible_id is null;
create index leads_status_idx on leads (status, created_at, id);
create index leads_phones_idx on leads using gin (phone_digits);
create index leads_emails_idx on leads using gin (email_lower);
create index leads_name_trgm_idx on leads using gin (lower(name) gin_trgm_ops);
create index leads_company_trgm_idx on leads using gin (lower(company) gin_trgm_ops);
create index leads_client_idx on leads (client_id) where client_id is not null;

-- Requests to the public intake per address and minute, counted in the database so that
-- every node of a cluster counts together; old minutes are removed as new ones come.
create table lead_intake_counts (
    address      text        not null,
    minute       timestamptz not null,
    requests     int         not null,
    primary key (address, minute)
);
