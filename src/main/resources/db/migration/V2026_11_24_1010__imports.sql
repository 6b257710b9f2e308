-- Imports of clients, contact persons and leads from files. An import runs in one
-- transaction: a server that dies mid-way leaves none of its rows, and the import is then
-- marked failed (its worker holds an advisory lock while it runs; a running import whose
-- lock nobody holds has no worker any more).
create table imports (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('CLIENT', 'CONTACT', 'LEAD')),
    file_name        text        not null,
    file_size        bigint      not null,
    format           text        not null check (format in ('CSV', 'XLSX', 'VCARD')),
    encoding         text,
    delimiter        text,
    header           jsonb       not null default '[]',
    -- column number (0-based, as text) -> field key
    mapping          jsonb       not null default '{}',
    duplicates       text        not null default 'SKIP' check (duplicates in ('SKIP', 'UPDATE', 'CREATE')),
    -- contact persons whose row names no client are linked to this one
    default_client_id bigint     references clients (id),
    state            text        not null check (state in ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED',
                                                           'CANCELLED', 'REVERTING', 'REVERTED')),
    progress         real        not null default 0,
    rows_read        bigint      not null default 0,
    created_count    bigint      not null default 0,
    updated_count    bigint      not null default 0,
    skipped_count    bigint      not null default 0,
    refused_count    bigint      not null default 0,
    error            text,
    error_args       jsonb       not null default '[]',
    cancel_requested boolean     not null default false,
    created_by       bigint      not null references users (id),
    created_at       timestamptz not null,
    queued_at        timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    reverted_at      timestamptz,
    reverted_by      bigint references users (id),
    version          bigint      not null default 0
);
create index imports_author_idx on imports (created_by, id desc);
create index imports_unfinished_idx on imports (state) where state in ('QUEUED', 'RUNNING', 'REVERTING');

-- Rows an import refused (invalid) or skipped (a duplicate), with the reason as a message
-- key and its arguments, so that the report reads in its reader's language.
create table import_issues (
    import_id   bigint  not null references imports (id) on delete cascade,
    row_number  bigint  not null,
    outcome     text    not null check (outcome in ('REFUSED', 'SKIPPED', 'NOTED')),
    field       text,
    reason      text    not null,
    reason_args jsonb   not null default '[]',
    record_type text,
    record_id   bigint,
    cells       jsonb   not null default '[]',
    primary key (import_id, row_number, outcome)
);

-- What an import changed in records that existed before it: the whole row as it was, so a
-- revert can give it back.
create table import_updates (
    import_id   bigint not null references imports (id) on delete cascade,
    record_type text   not null,
    record_id   bigint not null,
    before      jsonb  not null,
    primary key (import_id, record_type, record_id)
);

-- The field a user last chose for a column title, offered again for the next file.
create table import_column_choices (
    user_id bigint      not null references users (id),
    kind    text        not null,
    title   text        not null,
    field   text        not null,
    used_at timestamptz not null,
    primary key (user_id, kind, title)
);

-- Records an import created carry it and the row they came from (which links a contact
-- person written with COPY to its client, and undoes the import).
alter table clients add column import_id bigint references imports (id), add column import_row bigint;
alter table contacts add column import_id bigint references imports (id), add column import_row bigint;
alter table leads add column import_id bigint references imports (id), add column import_row bigint;
create index clients_import_idx on clients (import_id, import_row) where import_id is not null;
create index contacts_import_idx on contacts (import_id, import_row) where import_id is not null;
create index leads_import_idx on leads (import_id, import_row) where import_id is not null;

-- Exact name matches (the import's duplicate check, thousands of names per batch): a b-tree
-- answers "= any" where the trigram index would scan.
create index clients_name_key_idx on clients (name_key) where deleted_at is null;
