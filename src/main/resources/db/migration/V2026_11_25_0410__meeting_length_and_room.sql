-- A planned meeting or visit lasts as long as it is planned to (the calendar drew every one
-- an hour), and it may hold a meeting room: its booking is the room_bookings row whose
-- subject is the interaction. A thing holds at most one booking; the index also finds it
-- when the meeting moves, is cancelled or deleted.
alter table interactions add column planned_minutes int check (planned_minutes between 1 and 1440);

create unique index room_bookings_subject_key on room_bookings (subject_kind, subject_id)
    where subject_kind is not null;
