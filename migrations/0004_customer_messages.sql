-- Customer messages (issue 15, item 2): one outbox for everything the lender tells a customer about their
-- accounts — due reminders, payments received, overdue notices, statements, limit changes, instalment plans.
--
-- A message is written in the same transaction as the event that causes it (a repayment, a day-end chunk, a
-- limit review), then delivered at least once by a delivery pass through a channel (sms, push, email).
-- De-duplication: one message per (customer, kind, subject, occasion) — the unique key below; producers
-- insert with ON CONFLICT DO NOTHING, so a re-run of the event or of the day-end writes nothing twice.
-- Delivery state: attempts, next_attempt_at (also the lease of a claimed row and the end of quiet hours),
-- last_error; after the last allowed attempt the row is `failed` and never retried.
--
-- A customer table (distribution rule: customer_id leads every key). No foreign key to customers: the
-- platform range runs before the customers' migration, and messages are written by the contexts that own
-- the accounts (which hold the customer's foreign keys themselves).

create table customer_messages (
  customer_id text not null,
  id text not null check (id ~ '^ntf_[0-9A-HJKMNP-TV-Z]{26}$'),
  kind text not null check (kind ~ '^[a-z][a-z0-9_]{1,39}$'),
  -- The account the message is about (a loan, a line, a plan, a limit review).
  subject_id text not null check (length(subject_id) between 1 and 80),
  -- What makes this message one of its kind: a due date, a statement number, a payment's key.
  occasion text not null check (length(occasion) between 1 and 200),
  channel text not null check (channel in ('sms', 'push', 'email')),
  text jsonb not null check (jsonb_typeof(text) = 'object'),
  params jsonb not null check (jsonb_typeof(params) = 'object'),
  created_at timestamptz not null,
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null,
  last_error text check (length(last_error) <= 500),
  delivered_at timestamptz,
  failed_at timestamptz,
  primary key (customer_id, id),
  unique (customer_id, kind, subject_id, occasion),
  check ((status = 'delivered') = (delivered_at is not null)),
  check ((status = 'failed') = (failed_at is not null))
);

-- The delivery pass: pending rows whose next attempt is due, oldest first.
create index customer_messages_due on customer_messages (next_attempt_at) where status = 'pending';
-- A customer's messages, newest first, are read by the primary key (ids are time-sortable).
