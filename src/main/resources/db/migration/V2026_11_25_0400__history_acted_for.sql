-- "Who acted for whom" (audit): when the actor of a change stood in for a user whose record
-- it is (identity's user_deputies), the history row names that user. Like actor_id it is a
-- plain id without a foreign key: the history outlives what it names, and users are never
-- deleted.
alter table record_history add column acted_for bigint;
