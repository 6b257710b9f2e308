-- What the clients module publishes for other modules' access conditions: who may see a
-- live client (its responsible manager, its segments), the columns ClientVisibility's
-- condition names. Activities show an interaction to whoever may see its client; they read
-- this view, never the clients table.
create view published_client_readers as
select id, responsible_id, segment_ids
  from clients
 where deleted_at is null;
