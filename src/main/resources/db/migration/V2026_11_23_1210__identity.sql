-- Users, departments (a tree), roles and personal API tokens.

create table departments (
    id           bigint generated always as identity primary key,
    name         text        not null check (length(btrim(name)) between 1 and 200),
    parent_id    bigint      references departments (id),
    head_user_id bigint      unique,
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    check (parent_id is null or parent_id <> id)
);
-- Names are unique among siblings; only one department is the root (the company).
create unique index departments_sibling_name_uq on departments (coalesce(parent_id, 0), lower(name));
create unique index departments_single_root_uq on departments ((parent_id is null)) where parent_id is null;
create index departments_parent_idx on departments (parent_id);

create table users (
    id                   bigint generated always as identity primary key,
    username             text        not null check (length(username) between 1 and 100),
    full_name            text        not null check (length(btrim(full_name)) between 1 and 200),
    email                text        check (length(email) <= 254),
    password_hash        text        not null,
    role                 text        not null check (role in ('ADMINISTRATOR', 'HEAD_OF_DEPARTMENT', 'SALES_MANAGER', 'MARKETER', 'SUPPORT')),
    department_id        bigint      not null references departments (id),
    locale               text        check (locale in ('ru', 'en')),
    active               boolean     not null default true,
    must_change_password boolean     not null default true,
    password_changed_at  timestamptz,
    created_at           timestamptz not null default now(),
    deactivated_at       timestamptz,
    version              bigint      not null default 0
);
create unique index users_username_uq on users (lower(username));
create unique index users_email_uq on users (lower(email)) where email is not null;
create index users_department_idx on users (department_id);

alter table departments add constraint departments_head_fk foreign key (head_user_id) references users (id);

create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references users (id),
    name         text        not null check (length(btrim(name)) between 1 and 100),
    token_hash   bytea       not null unique,
    token_hint   text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);
