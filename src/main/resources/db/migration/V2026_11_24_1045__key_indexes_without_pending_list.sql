-- The phone and e-mail indexes are probed once per key by duplicate look-ups (an import
-- looks up a batch of 2,000 rows' keys). With GIN's fast update, new entries wait in a
-- pending list that every probe reads through and compares with its key, so after a batch
-- of inserts each probe cost milliseconds instead of microseconds. These arrays hold one or
-- two short values per row, so writing them into the index directly costs little.
alter index clients_phones_idx set (fastupdate = off);
alter index clients_emails_idx set (fastupdate = off);
alter index contacts_phones_idx set (fastupdate = off);
alter index contacts_emails_idx set (fastupdate = off);
alter index leads_phones_idx set (fastupdate = off);
alter index leads_emails_idx set (fastupdate = off);
-- What already waits in the pending lists goes into the indexes now.
select gin_clean_pending_list(index_name::regclass)
  from unnest(array['clients_phones_idx', 'clients_emails_idx', 'contacts_phones_idx', 'contacts_emails_idx',
                    'leads_phones_idx', 'leads_emails_idx']) as index_name;
