-- Read-only views the identity module publishes for other modules' list queries (sorting a
-- list by the responsible manager's name); other modules never read identity's tables.
create view published_user_names as select id, full_name, active from users;
