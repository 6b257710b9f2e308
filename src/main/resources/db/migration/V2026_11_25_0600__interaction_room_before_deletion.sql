-- A planned meeting moved to the recycle bin frees its room (the booking is deleted) but
-- remembers which room it held, so that taking it back books that room again when it is
-- still free then. Null for everything else.
alter table interactions add column room_before_deletion bigint references meeting_rooms (id);

create index interactions_room_before_deletion_idx on interactions (room_before_deletion)
    where room_before_deletion is not null;
