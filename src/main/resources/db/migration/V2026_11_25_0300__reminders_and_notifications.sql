-- Reminders, in-app notifications and the outgoing mail queue (issue 7).
--
-- A reminder belongs to one thing (a task, a planned interaction…) named by kind and id,
-- and goes to one user at one time. A node fires the due ones by claiming them with
-- FOR UPDATE SKIP LOCKED and marking them fired in the same transaction that writes the
-- notification, so each fires exactly once however many nodes poll, and one that fell due
-- while every node was down fires at the next start.
create table reminders (
    id           bigint generated always as identity primary key,
    subject_kind text        not null check (subject_kind ~ '^[a-z][a-z-]{0,29}$'),
    subject_id   bigint      not null,
    user_id      bigint      not null references users (id),
    due_at       timestamptz not null,
    title        text        not null check (length(title) between 1 and 300),
    link         text        check (length(link) <= 300),
    fired_at     timestamptz,
    created_at   timestamptz not null default now(),
    unique (subject_kind, subject_id)
);

create index reminders_due_idx on reminders (due_at) where fired_at is null;
create index reminders_user_idx on reminders (user_id, due_at);

-- What a user is told: by a reminder, a digest, later by other modules. Unread ones light
-- the bell; the list pages by (created_at, id).
create table notifications (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references users (id),
    kind       text        not null check (kind ~ '^[a-z][a-z-]{0,29}$'),
    title      text        not null check (length(title) between 1 and 300),
    body       text        check (length(body) <= 4000),
    link       text        check (length(link) <= 300),
    created_at timestamptz not null default now(),
    read_at    timestamptz
);

create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- Whether a user also wants their reminders and digests by e-mail.
create table notification_settings (
    user_id  bigint  primary key references users (id),
    by_email boolean not null default false
);

-- Mail waiting to be sent. Written in the transaction that decided to send it, sent after
-- it commits, outside any transaction; a node takes a message by moving its next attempt
-- forward (a lease), so a message is sent once unless a node dies between sending and
-- marking it sent.
create table outgoing_mail (
    id              bigint generated always as identity primary key,
    recipient       text        not null check (length(recipient) between 3 and 254),
    subject         text        not null check (length(subject) between 1 and 300),
    body            text        not null,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    attempts        int         not null default 0,
    sent_at         timestamptz,
    last_error      text
);

create index outgoing_mail_due_idx on outgoing_mail (next_attempt_at) where sent_at is null;

-- A daily job's days: the node that inserts the day runs the job for it.
create table daily_job_runs (
    job        text        not null,
    day        date        not null,
    started_at timestamptz not null default now(),
    primary key (job, day)
);
