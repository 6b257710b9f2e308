-- An interaction carries what decides who may see it (decision 0014), as contact persons
-- carry their clients' readers (decision 0005). The rule is unchanged: a reader sees an
-- interaction when their scope covers its responsible user, or they may see its live
-- client (the client's responsible manager in their scope, or a segment of it granted to
-- them), or its live deal (its responsible manager or a co-executor in their scope), or a
-- user taking part in it is in their scope. The columns:
--   client_responsible_id  the live client's responsible manager (null: the client is in
--                          the recycle bin);
--   client_segment_ids     the live client's segments;
--   other_reader_ids       the live deal's responsible manager and co-executors and the
--                          users taking part, without the two managers above, so that the
--                          array is empty for nine interactions in ten.
-- A manager's list is then three index ranges in time order (own, of their clients, the
-- few others) instead of a sort of every interaction of their 5,000 clients.

alter table interactions
    add column client_responsible_id bigint,
    add column client_segment_ids    bigint[] not null default '{}',
    add column other_reader_ids      bigint[] not null default '{}';

-- The users beyond the responsible one and the client's manager who may see the
-- interaction through its deal or by taking part in it. Clients and deals are read through
-- the views their modules publish; only the triggers sit on their tables.
create function clientele_interaction_other_readers(of_interaction bigint, of_deal bigint, of_responsible bigint,
                                                    of_client_responsible bigint) returns bigint[]
    language sql
    stable
as $$
select coalesce(array_agg(distinct r.user_id order by r.user_id), '{}')
  from (select d.responsible_id as user_id from published_deals d where d.id = of_deal
        union all
        select unnest(d.co_executor_ids) from published_deals d where d.id = of_deal
        union all
        select p.user_id from interaction_participants p where p.interaction_id = of_interaction and p.user_id is not null) r
 where r.user_id <> of_responsible and r.user_id is distinct from of_client_responsible
$$;

-- A new interaction, or one moved to another client or deal or given to another user
-- (forms, the API, merges, handovers, purges of deals): its columns from its client,
-- deal and participants. The participants of a new one come after it (they refer to it)
-- and refresh it.
create function clientele_interaction_readers_row() returns trigger
    language plpgsql
as $$
begin
    select c.responsible_id, c.segment_ids
      into new.client_responsible_id, new.client_segment_ids
      from published_client_readers c
     where c.id = new.client_id;
    new.client_segment_ids := coalesce(new.client_segment_ids, '{}');
    if tg_op = 'INSERT' and new.deal_id is null then
        -- nobody takes part yet in a row that does not exist yet: no query (a bulk load
        -- of ten million interactions, seven in ten without a deal)
        new.other_reader_ids := '{}';
    else
        new.other_reader_ids := clientele_interaction_other_readers(new.id, new.deal_id, new.responsible_id,
                                                                    new.client_responsible_id);
    end if;
    return new;
end
$$;

create trigger interactions_readers before insert or update of client_id, deal_id, responsible_id on interactions
    for each row execute function clientele_interaction_readers_row();

-- Recomputes the columns of the given interactions; rows that would not change are not
-- written. The update sets none of the columns the row trigger watches.
create function clientele_refresh_interaction_readers(interaction_ids bigint[]) returns void
    language sql
as $$
update interactions i
   set client_responsible_id = r.client_responsible_id,
       client_segment_ids    = r.client_segment_ids,
       other_reader_ids      = r.other_reader_ids
  from (select x.id, c.responsible_id as client_responsible_id, coalesce(c.segment_ids, '{}') as client_segment_ids,
               clientele_interaction_other_readers(x.id, x.deal_id, x.responsible_id, c.responsible_id)
                   as other_reader_ids
          from interactions x
          left join published_client_readers c on c.id = x.client_id
         where x.id = any(interaction_ids)) r
 where i.id = r.id
   and (i.client_responsible_id is distinct from r.client_responsible_id
        or i.client_segment_ids <> r.client_segment_ids
        or i.other_reader_ids <> r.other_reader_ids)
$$;

-- A client reassigned (one or many), deleted into the recycle bin, restored, merged away
-- or given other segments: its interactions are refreshed, once per statement.
create function clientele_client_interaction_readers_changed() returns trigger
    language plpgsql
as $$
begin
    perform clientele_refresh_interaction_readers(array(
        select i.id
          from new_clients n
          join old_clients o on o.id = n.id
          join interactions i on i.client_id = n.id
         where n.responsible_id <> o.responsible_id
            or (n.deleted_at is null) <> (o.deleted_at is null)
            or n.segment_ids <> o.segment_ids));
    return null;
end
$$;

create trigger clients_interaction_readers after update on clients
    referencing old table as old_clients new table as new_clients
    for each statement execute function clientele_client_interaction_readers_changed();

-- A deal reassigned, given other co-executors, deleted or restored: its interactions.
create function clientele_deal_interaction_readers_changed() returns trigger
    language plpgsql
as $$
begin
    perform clientele_refresh_interaction_readers(array(
        select i.id
          from new_deals n
          join old_deals o on o.id = n.id
          join interactions i on i.deal_id = n.id
         where n.responsible_id <> o.responsible_id
            or n.co_executor_ids <> o.co_executor_ids
            or (n.deleted_at is null) <> (o.deleted_at is null)));
    return null;
end
$$;

create trigger deals_interaction_readers after update on deals
    referencing old table as old_deals new table as new_deals
    for each statement execute function clientele_deal_interaction_readers_changed();

-- Users added to or removed from interactions (forms, merges of contact persons and their
-- undoing touch contact persons only, which change nothing here).
create function clientele_participants_changed() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        perform clientele_refresh_interaction_readers(array(
            select distinct interaction_id from new_participants where user_id is not null));
    elsif tg_op = 'DELETE' then
        perform clientele_refresh_interaction_readers(array(
            select distinct interaction_id from old_participants where user_id is not null));
    else
        perform clientele_refresh_interaction_readers(array(
            select interaction_id from new_participants where user_id is not null
             union
            select interaction_id from old_participants where user_id is not null));
    end if;
    return null;
end
$$;

create trigger interaction_participants_readers_insert after insert on interaction_participants
    referencing new table as new_participants
    for each statement execute function clientele_participants_changed();
create trigger interaction_participants_readers_update after update on interaction_participants
    referencing old table as old_participants new table as new_participants
    for each statement execute function clientele_participants_changed();
create trigger interaction_participants_readers_delete after delete on interaction_participants
    referencing old table as old_participants
    for each statement execute function clientele_participants_changed();

-- The backfill. Every row is written once (its client's columns), so the secondary
-- indexes are dropped and built again from their definitions in the catalogue, as a bulk
-- load does; then the few rows with other readers are written a second time.
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
     where i.schemaname = 'public' and i.tablename = 'interactions' and not x.indisprimary and not x.indisunique;
    foreach name in array coalesce(names, '{}') loop
        execute format('drop index %I', name);
    end loop;

    set local work_mem = '256MB';
    update interactions i
       set client_responsible_id = c.responsible_id,
           client_segment_ids    = c.segment_ids
      from published_client_readers c
     where c.id = i.client_id;

    update interactions i
       set other_reader_ids = o.readers
      from (select r.id, array_agg(distinct r.user_id order by r.user_id) as readers
              from (select x.id, x.responsible_id, x.client_responsible_id, d.responsible_id as user_id
                      from interactions x join published_deals d on d.id = x.deal_id
                    union all
                    select x.id, x.responsible_id, x.client_responsible_id, unnest(d.co_executor_ids)
                      from interactions x join published_deals d on d.id = x.deal_id
                     where d.co_executor_ids <> '{}'
                    union all
                    select x.id, x.responsible_id, x.client_responsible_id, p.user_id
                      from interaction_participants p join interactions x on x.id = p.interaction_id
                     where p.user_id is not null) r
             where r.user_id <> r.responsible_id and r.user_id is distinct from r.client_responsible_id
             group by r.id) o
     where i.id = o.id;

    set local maintenance_work_mem = '512MB';
    foreach definition in array coalesce(definitions, '{}') loop
        execute definition;
    end loop;
end
$$;

-- The rules as index ranges: the client's manager in time order (the list's order, as
-- interactions_responsible_at_idx for the responsible user), the other readers and the
-- segments by GIN.
create index interactions_client_responsible_at_idx on interactions (client_responsible_id, at desc, id desc)
    where deleted_at is null;
create index interactions_other_readers_idx on interactions using gin (other_reader_ids) where deleted_at is null;
create index interactions_client_segments_idx on interactions using gin (client_segment_ids)
    where deleted_at is null;

analyze interactions;
