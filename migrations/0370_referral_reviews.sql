-- Referral reviews (issue 14): every application decision that comes out `referred` (a technical fault, the
-- referral band, a policy output outside the product's range) promises the customer that a person will
-- review it. A review case is opened in the same transaction as the decision; a reviewer claims it, re-runs
-- the decision or decides within authority, and the person's decision is a new decision record linked to
-- the case (kind manual_review).
--
-- Three customer tables (distribution rule: customer_id leads every key and every foreign key; look-ups
-- by id use plain indexes — ids are prefixed ULIDs, unique by construction):
-- * referral_cases: one row per referred decision (unique: the case is opened once, however often the
--   opening is retried), its current state; the state machine lives in code, the checks below hold its
--   invariants.
-- * referral_events: the case history, append-only (UPDATE, DELETE and TRUNCATE refused).
-- * referral_notifications: what the customer was told, written with the change that caused it (an
--   outbox), marked delivered once the notifier took it.
--
-- Referred decisions recorded before this migration get their case from the referrals' recovery pass
-- (start-up, day end, `credence referrals recover`): the SLA is counted on the business calendar, which
-- is configuration, not SQL.

create table referral_cases (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^ref_[0-9A-HJKMNP-TV-Z]{26}$'),
  decision_id text not null,
  product_code text not null check (product_code ~ '^[a-z][a-z0-9_]{1,39}$'),
  -- Why it was referred: the referred decision's reason codes, and the failed stage for a fault.
  reason_codes jsonb not null check (jsonb_typeof(reason_codes) = 'array'),
  fault_stage text,
  status text not null check (status in ('open', 'claimed', 'pending_approval', 'decided', 'expired')),
  version integer not null check (version >= 1),
  claimed_by jsonb,
  claimed_at timestamptz,
  claim_expires_at timestamptz,
  -- A decision above the reviewer's authority, waiting for a second person.
  proposal jsonb,
  sla_due_at timestamptz not null,
  created_at timestamptz not null,
  decided_at timestamptz,
  -- How the case ended: a person's decision, a re-run that no longer refers, or a newer application.
  closed_by text check (closed_by in ('review', 'rerun', 'superseded')),
  outcome text check (outcome in ('approved', 'declined', 'referred')),
  result_decision_id text,
  primary key (customer_id, id),
  unique (customer_id, decision_id),
  foreign key (customer_id, decision_id) references decisions (customer_id, id),
  foreign key (customer_id, result_decision_id) references decisions (customer_id, id),
  check ((status = 'claimed') = (claimed_by is not null)),
  check ((claimed_by is null) = (claim_expires_at is null)),
  check ((status = 'pending_approval') = (proposal is not null)),
  check ((status in ('decided', 'expired')) = (decided_at is not null)),
  check ((status in ('decided', 'expired')) = (closed_by is not null)),
  check (status <> 'decided' or (result_decision_id is not null and outcome is not null))
);

create index referral_cases_by_id on referral_cases (id);
-- The queue: by status, newest first (keyset paging by id).
create index referral_cases_by_status on referral_cases (status, id desc);
create index referral_cases_by_customer on referral_cases (customer_id, created_at desc);

create table referral_events (
  customer_id text not null,
  referral_id text not null,
  seq integer not null check (seq >= 1),
  id text not null check (id ~ '^aud_[0-9A-HJKMNP-TV-Z]{26}$'),
  action text not null check (action in ('opened', 'claimed', 'released', 'rerun', 'proposed', 'approved',
    'rejected', 'decided', 'expired', 'notified', 'refused')),
  actor jsonb not null,
  at timestamptz not null,
  status_before text,
  status_after text not null,
  details jsonb not null check (jsonb_typeof(details) = 'object'),
  note text,
  primary key (customer_id, referral_id, seq),
  unique (customer_id, id),
  foreign key (customer_id, referral_id) references referral_cases (customer_id, id)
);

create table referral_notifications (
  customer_id text not null,
  id text not null check (id ~ '^ntf_[0-9A-HJKMNP-TV-Z]{26}$'),
  referral_id text not null,
  kind text not null check (kind in ('decided')),
  decision_id text not null,
  text jsonb not null,
  created_at timestamptz not null,
  delivered_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, referral_id) references referral_cases (customer_id, id),
  foreign key (customer_id, decision_id) references decisions (customer_id, id)
);

create index referral_notifications_undelivered on referral_notifications (created_at)
  where delivered_at is null;

create function referral_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' is refused';
end $$;

create trigger referral_events_append_only before update or delete on referral_events
  for each row execute function referral_events_refuse_change();
create trigger referral_events_no_truncate before truncate on referral_events
  for each statement execute function referral_events_refuse_change();
