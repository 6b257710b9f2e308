-- Delegation while absent (identity): a user names a deputy for a period of days. During
-- it the deputy sees what the absent user sees, and tasks given to the absent user go to
-- the deputy.
create table user_deputies (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references users (id),
    deputy_id  bigint      not null references users (id),
    starts_on  date        not null,
    ends_on    date        not null,
    created_by bigint      references users (id),
    created_at timestamptz not null default now(),
    check (ends_on >= starts_on),
    check (user_id <> deputy_id)
);
-- Whom a user stands in for today (computed with every access scope), and who stands in
-- for a user.
create index user_deputies_deputy_idx on user_deputies (deputy_id, ends_on, starts_on) include (user_id);
create index user_deputies_user_idx on user_deputies (user_id, ends_on, starts_on) include (deputy_id);
