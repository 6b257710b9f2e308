-- The search text and the responsible manager in one GIN index, as contacts_search_readers_idx
-- is for contact persons (decision 0005): a manager's search for a text among their clients
-- reads only the entries that have both, instead of every client with the text (a common
-- fragment: tens of thousands) or every client of theirs (thousands). On M, m007's 5,000
-- clients, the sixteen benchmark fragments: 111 ms in all, the worst 30 ms, before; 21 ms
-- and 6 ms with it. The manager is a one-element array, which GIN's own array operators
-- index (no btree_gin).
create index if not exists clients_search_readers_idx on clients
    using gin (search_text gin_trgm_ops, (array[responsible_id])) where deleted_at is null;
