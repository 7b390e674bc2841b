-- Appeals (issue 8): a customer contests a decision; an automatic re-check runs first; otherwise a person
-- reviews it. Four tables, all customer tables (distribution rule: customer_id leads every key and every
-- foreign key; look-ups by id use plain indexes — ids are unique by construction, prefixed ULIDs).
--
-- * appeal_evidence: uploaded files, stored in the row (one INSERT: a file is either all there or absent),
--   with their SHA-256 and media type; the database re-checks the hash, the size and the magic bytes, and
--   refuses UPDATE and DELETE.
-- * appeals: one row per appeal, its current state (the state machine lives in code; the checks below hold
--   its invariants). At most one open appeal per decision: a partial unique index.
-- * appeal_evidence_links: which files an appeal cites (foreign keys on both sides).
-- * appeal_events: the audit trail, append-only (UPDATE, DELETE and TRUNCATE refused).
-- * appeal_notifications: what the customer was told, written with the change that caused it (an outbox),
--   marked delivered once the notifier took it.

create table appeal_evidence (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^evd_[0-9A-HJKMNP-TV-Z]{26}$'),
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size_bytes integer not null check (size_bytes between 1 and 20971520),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  uploaded_at timestamptz not null,
  -- The API key that uploaded it (the app acting for the customer).
  uploaded_by text not null,
  primary key (customer_id, id),
  -- The same file twice is one piece of evidence.
  unique (customer_id, sha256),
  check (octet_length(content) = size_bytes),
  check (sha256 = encode(sha256(content), 'hex')),
  check (
    (media_type = 'image/jpeg' and substring(content from 1 for 3) = '\xffd8ff'::bytea)
    or (media_type = 'image/png' and substring(content from 1 for 8) = '\x89504e470d0a1a0a'::bytea)
    or (media_type = 'application/pdf' and substring(content from 1 for 5) = '\x255044462d'::bytea)
  )
);

create index appeal_evidence_by_id on appeal_evidence (id);

create table appeals (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^apl_[0-9A-HJKMNP-TV-Z]{26}$'),
  decision_id text not null,
  product_code text not null check (product_code ~ '^[a-z][a-z0-9_]{1,39}$'),
  category text not null check (category in ('identity', 'data_error', 'repaid_debt', 'system_fault', 'other')),
  statement text not null check (length(statement) between 1 and 4000),
  status text not null check (status in ('filed', 'queued', 'in_review', 'pending_approval', 'resolved', 'withdrawn')),
  resolution text check (resolution in ('overturned_by_recheck', 'overturned', 'upheld')),
  version integer not null check (version >= 1),
  amount_at_stake bigint not null check (amount_at_stake >= 0),
  filed_at timestamptz not null,
  filed_by jsonb not null,
  recheck_decision_id text,
  recheck_diff jsonb,
  recheck_attempts integer not null default 0 check (recheck_attempts >= 0),
  next_recheck_at timestamptz,
  lease_until timestamptz,
  queued_at timestamptz,
  sla_due_date date,
  sla_due_at timestamptz,
  assignee jsonb,
  assigned_at timestamptz,
  proposal jsonb,
  override_decision_id text,
  uphold_reasons jsonb,
  uphold_message jsonb,
  resolved_at timestamptz,
  resolved_by jsonb,
  withdrawn_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, decision_id) references decisions (customer_id, id),
  foreign key (customer_id, recheck_decision_id) references decisions (customer_id, id),
  foreign key (customer_id, override_decision_id) references decisions (customer_id, id),
  -- The machine's invariants, held by the database too.
  check ((status = 'resolved') = (resolution is not null)),
  check ((status = 'resolved') = (resolved_at is not null)),
  check ((status = 'withdrawn') = (withdrawn_at is not null)),
  check (status not in ('in_review', 'pending_approval') or assignee is not null),
  -- The proposal stays after an approval (who proposed what); a rejection clears it.
  check (status <> 'pending_approval' or proposal is not null),
  check (status in ('filed', 'withdrawn') or resolution is not distinct from 'overturned_by_recheck'
    or sla_due_at is not null),
  check (resolution is distinct from 'overturned' or override_decision_id is not null),
  check (resolution is distinct from 'overturned_by_recheck' or recheck_decision_id is not null),
  check (resolution is distinct from 'upheld' or uphold_reasons is not null)
);

-- One open appeal per decision, enforced where it cannot be raced.
create unique index appeals_one_open_per_decision on appeals (customer_id, decision_id)
  where status in ('filed', 'queued', 'in_review', 'pending_approval');
create index appeals_by_id on appeals (id);
create index appeals_by_customer on appeals (customer_id, filed_at desc);
create index appeals_by_status on appeals (status, sla_due_at);
create index appeals_recheck_due on appeals (next_recheck_at) where status = 'filed';

create table appeal_evidence_links (
  customer_id text not null,
  appeal_id text not null,
  evidence_id text not null,
  position integer not null check (position >= 0),
  primary key (customer_id, appeal_id, evidence_id),
  unique (customer_id, appeal_id, position),
  foreign key (customer_id, appeal_id) references appeals (customer_id, id),
  foreign key (customer_id, evidence_id) references appeal_evidence (customer_id, id)
);

create table appeal_events (
  customer_id text not null,
  appeal_id text not null,
  seq integer not null check (seq >= 1),
  id text not null check (id ~ '^aud_[0-9A-HJKMNP-TV-Z]{26}$'),
  action text not null check (action in ('filed', 'rechecked', 'queued', 'assigned', 'released', 'commented',
    'decided', 'approved', 'rejected', 'notified', 'withdrawn')),
  actor jsonb not null,
  at timestamptz not null,
  status_before text,
  status_after text not null,
  before jsonb not null,
  after jsonb not null,
  note text,
  primary key (customer_id, appeal_id, seq),
  unique (customer_id, id),
  foreign key (customer_id, appeal_id) references appeals (customer_id, id)
);

create index appeal_events_by_action on appeal_events (action, at);

create table appeal_notifications (
  customer_id text not null,
  id text not null check (id ~ '^ntf_[0-9A-HJKMNP-TV-Z]{26}$'),
  appeal_id text not null,
  kind text not null check (kind in ('received', 'queued', 'resolved', 'withdrawn')),
  text jsonb not null,
  created_at timestamptz not null,
  delivered_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, appeal_id) references appeals (customer_id, id)
);

create index appeal_notifications_undelivered on appeal_notifications (created_at) where delivered_at is null;

-- Evidence and the audit trail are records: once written they never change.
create function appeals_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = TG_TABLE_NAME || ' is append-only: ' || TG_OP || ' is refused';
end $$;

create trigger appeal_events_append_only before update or delete on appeal_events
  for each row execute function appeals_refuse_change();
create trigger appeal_events_no_truncate before truncate on appeal_events
  for each statement execute function appeals_refuse_change();
create trigger appeal_evidence_immutable before update or delete on appeal_evidence
  for each row execute function appeals_refuse_change();
create trigger appeal_evidence_no_truncate before truncate on appeal_evidence
  for each statement execute function appeals_refuse_change();
create trigger appeal_evidence_links_append_only before update or delete on appeal_evidence_links
  for each row execute function appeals_refuse_change();
