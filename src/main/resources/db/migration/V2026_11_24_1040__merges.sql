-- Duplicates across the whole base and merging them: the pairs a scan found, the groups the
-- duplicates page lists, the scan's state, and the merges (undoable for 30 days).

-- A record merged into another is soft-deleted and points at the one it went into; it stays
-- out of lists, search, the recycle bin and duplicates until the merge is undone.
alter table clients add column merged_into bigint references clients (id);
alter table contacts add column merged_into bigint references contacts (id);

-- The incremental name comparison walks contact persons changed since the last scan.
create index contacts_updated_idx on contacts (updated_at, id) where deleted_at is null;
-- A merge of contact persons moves their leads.
create index leads_contact_idx on leads (contact_id) where contact_id is not null;

-- How likely two records are one, from the rules they meet (like independent witnesses:
-- each further rule raises the likelihood): the same INN is certain, the same e-mail 0.95,
-- the same phone 0.9, a similar name its trigram similarity × 0.9.
create function clientele_duplicate_score(key_reasons text[], name_similarity real) returns real
    language sql immutable parallel safe
as $$
select (1 - (case when 'inn' = any(key_reasons) then 0 else 1 end)
          * (case when 'email' = any(key_reasons) then 0.05 else 1 end)
          * (case when 'phone' = any(key_reasons) then 0.1 else 1 end)
          * (1 - coalesce(name_similarity, 0) * 0.9))::real
$$;

-- Two records (a_id < b_id) that may be one. The key reasons come from a pass over the
-- whole base each scan: the same INN, phone or e-mail, the same name key, or a shared
-- uncommon word in names similar enough (key_name_similarity). name_similarity comes from
-- comparing the names of records changed since the last scan through the trigram index
-- (it also finds typos). A dismissed pair ("not duplicates") is kept, so that it never
-- comes back.
create table duplicate_candidates (
    record_type         text        not null check (record_type in ('client', 'contact')),
    a_id                bigint      not null,
    b_id                bigint      not null,
    key_reasons         text[]      not null default '{}',
    key_name_similarity real,
    name_similarity     real,
    reasons             text[] generated always as (key_reasons
        || case when name_similarity is null or 'name' = any(key_reasons) then '{}'::text[] else '{name}'::text[] end)
        stored,
    score               real generated always as (clientele_duplicate_score(key_reasons,
        greatest(key_name_similarity, name_similarity))) stored,
    found_at            timestamptz not null default now(),
    dismissed_at        timestamptz,
    dismissed_by        bigint      references users (id),
    primary key (record_type, a_id, b_id),
    check (a_id < b_id)
);
create index duplicate_candidates_b_idx on duplicate_candidates (record_type, b_id);

-- The groups the duplicates page lists, made by the scan from the pairs not dismissed:
-- records joined by pairs, strongest first, at most 20 to a group. responsible_ids: the
-- managers responsible for its records (for contact persons: for their clients) when the
-- scan ran, so that a head's page finds the groups of their department without testing
-- every group; the page still checks access to each record as it is now.
create table duplicate_groups (
    record_type     text     not null check (record_type in ('client', 'contact')),
    id              bigint   not null,
    member_ids      bigint[] not null,
    score           real     not null,
    reasons         text[]   not null,
    responsible_ids bigint[] not null,
    primary key (record_type, id)
);
-- An administrator's page walks groups by score, strongest first (keyset: score, id).
create index duplicate_groups_page_idx on duplicate_groups (record_type, score desc, id desc);
-- A head's page: the groups whose managers are all theirs (<@), then sorted.
create index duplicate_groups_owners_idx on duplicate_groups using gin (responsible_ids);

-- The scan: which node runs it (a lease renewed as it goes, so that one node scans at a
-- time and a crashed node's lease runs out), how far it got, and how the last one ended.
create table duplicate_scan (
    id            int primary key default 1 check (id = 1),
    running_since timestamptz,
    heartbeat_at  timestamptz,
    node          text,
    started_by    bigint references users (id),
    phase         text,
    done          bigint not null default 0,
    total         bigint not null default 0,
    finished_at   timestamptz,
    failed        boolean not null default false,
    groups        bigint not null default 0
);
insert into duplicate_scan (id) values (1);

-- Per kind of record: until when names were compared through the trigram index (null:
-- never; the first scan starts from then on, the keys having covered the base), and where
-- an unfinished comparison stopped (it resumes there).
create table duplicate_scan_marks (
    record_type text primary key check (record_type in ('client', 'contact')),
    names_until timestamptz,
    cursor_at   timestamptz,
    cursor_id   bigint,
    until_at    timestamptz
);
insert into duplicate_scan_marks (record_type) values ('client'), ('contact');

-- Name keys too common to tell records apart (shared by more records than a group may
-- hold), refreshed by each scan; the trigram comparison leaves them out.
create table duplicate_common_names (
    record_type text not null,
    name_key    text not null,
    primary key (record_type, name_key)
);

-- A merge: the survivor's values before and right after it, and the links moved from the
-- merged record, so that it can be undone; other modules keep what they moved by merge id.
create table merges (
    id              bigint generated always as identity primary key,
    record_type     text        not null check (record_type in ('client', 'contact')),
    survivor_id     bigint      not null,
    merged_id       bigint      not null,
    survivor_before jsonb       not null,
    survivor_after  jsonb       not null,
    moved           jsonb       not null,
    merged_at       timestamptz not null,
    merged_by       bigint      references users (id),
    undone_at       timestamptz,
    undone_by       bigint      references users (id)
);
create index merges_survivor_idx on merges (record_type, survivor_id, id desc);
create index merges_recent_idx on merges (id desc) where undone_at is null;
