-- The top-bar search of a manager: their contact persons whose names start with the text,
-- in name order, from one range of this index (the first of each contact person's readers,
-- kept by triggers, see decision 0005). A common surname otherwise took thousands of
-- entries of the readers' trigram index to find and rank (Search.CONTACTS_OF_READER_STARTING).
create index contacts_reader_name_idx on contacts ((client_responsible_ids[1]), lower(full_name), id)
  where deleted_at is null;
