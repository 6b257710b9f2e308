-- A contact person carries what decides who may see them (decision 0005): the responsible
-- managers and the segments of the live clients they work for. A reader sees a contact
-- person when they may see one of those clients, that is when their scope (their own id,
-- or every user of the department subtree they head) meets client_responsible_ids or their
-- segment grants meet client_segment_ids. A search then checks a column of the row instead
-- of two index look-ups per match, and one GIN index finds the text and the reader together.

alter table contacts
    add column client_responsible_ids bigint[] not null default '{}',
    add column client_segment_ids     bigint[] not null default '{}';

-- Recomputes both columns of the given contact persons from their links and clients; rows
-- that would not change are not written.
create function clientele_refresh_contact_readers(contact_ids bigint[]) returns void
    language sql
as $$
update contacts ct
   set client_responsible_ids = r.responsible, client_segment_ids = r.segments
  from (select x.id,
               coalesce(array_agg(distinct c.responsible_id) filter (where c.id is not null), '{}') as responsible,
               coalesce(array_agg(distinct s.id) filter (where s.id is not null), '{}') as segments
          from (select distinct id from unnest(contact_ids) as u(id)) x
          left join client_contacts cc on cc.contact_id = x.id
          left join clients c on c.id = cc.client_id and c.deleted_at is null
          left join lateral unnest(c.segment_ids) as s(id) on true
         group by x.id) r
 where ct.id = r.id
   and (ct.client_responsible_ids <> r.responsible or ct.client_segment_ids <> r.segments)
$$;

-- Links added, moved or removed (forms, the API, imports, merges and their undoing, purges):
-- once per statement, for all the contact persons it touched, so that an import's
-- insert … select of 100,000 links refreshes them in one set-based update.
create function clientele_links_changed() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        perform clientele_refresh_contact_readers(array(select contact_id from new_links));
    elsif tg_op = 'DELETE' then
        perform clientele_refresh_contact_readers(array(select contact_id from old_links));
    else
        perform clientele_refresh_contact_readers(array(select contact_id from new_links
                                                         union select contact_id from old_links));
    end if;
    return null;
end
$$;

create trigger client_contacts_readers_insert after insert on client_contacts
    referencing new table as new_links
    for each statement execute function clientele_links_changed();
create trigger client_contacts_readers_update after update on client_contacts
    referencing old table as old_links new table as new_links
    for each statement execute function clientele_links_changed();
create trigger client_contacts_readers_delete after delete on client_contacts
    referencing old table as old_links
    for each statement execute function clientele_links_changed();

-- A client reassigned (one or many), deleted into the recycle bin, restored, merged away
-- or given other segments: its contact persons are refreshed. Other edits of clients
-- touch nothing.
create function clientele_client_readers_changed() returns trigger
    language plpgsql
as $$
begin
    perform clientele_refresh_contact_readers(array(
        select cc.contact_id
          from new_clients n
          join old_clients o on o.id = n.id
          join client_contacts cc on cc.client_id = n.id
         where n.responsible_id <> o.responsible_id
            or (n.deleted_at is null) <> (o.deleted_at is null)
            or n.segment_ids <> o.segment_ids));
    return null;
end
$$;

create trigger clients_contact_readers after update on clients
    referencing old table as old_clients new table as new_clients
    for each statement execute function clientele_client_readers_changed();

-- The backfill: one pass over the links, each linked contact person written once. With the
-- contact persons' eight secondary indexes in place a written row costs ten times as much
-- (1.3 million rows, measured: 63 s against 6.5 s per 100,000), so they are dropped and
-- built again from their definitions in the catalogue, as a bulk load does.
do $$
declare
    definitions text[];
    names       text[];
    name        text;
    definition  text;
begin
    select array_agg(i.indexdef), array_agg(i.indexname)
      into definitions, names
      from pg_indexes i
      join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
      join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = 'contacts' and not x.indisprimary and not x.indisunique;
    foreach name in array coalesce(names, '{}') loop
        execute format('drop index %I', name);
    end loop;

    update contacts ct
       set client_responsible_ids = r.responsible, client_segment_ids = r.segments
      from (select cc.contact_id,
                   array_agg(distinct c.responsible_id) as responsible,
                   coalesce(array_agg(distinct s.id) filter (where s.id is not null), '{}') as segments
              from client_contacts cc
              join clients c on c.id = cc.client_id and c.deleted_at is null
              left join lateral unnest(c.segment_ids) as s(id) on true
             group by cc.contact_id) r
     where ct.id = r.contact_id;

    set local maintenance_work_mem = '512MB';
    foreach definition in array coalesce(definitions, '{}') loop
        execute definition;
    end loop;
end
$$;

-- The search text and the reader's managers in one index: a manager's search reads only
-- the entries that have both the text's trigrams and their id. A separate GIN index of the
-- ids beside the trigram index was slower on a local set of 1.3 million contact persons
-- (docs/benchmarks.md).
create index contacts_search_readers_idx on contacts
    using gin (search_text gin_trgm_ops, client_responsible_ids) where deleted_at is null;

-- The rebuilt indexes on expressions have no statistics until analysed.
analyze contacts;
