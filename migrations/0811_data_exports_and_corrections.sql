-- A person's data rights (issue 17, item 1): a copy of one's data (PIPL Art. 45) and the correction of a wrong
-- fact (Art. 46; 异议 under the credit-reporting rules). Every table belongs to a customer: customer_id leads
-- every key and every foreign key (the distribution rule); look-ups by id alone use plain indexes.
--
-- Each copy and each correction is also a row of data_subject_requests (migration 0801, kind `copy` or
-- `correction`): who asked, why, when, and how it ended; the rows here carry the work itself.
--
-- * data_exports: the copy as a background job (queued → running → done | failed), its progress in steps
--   (done of total, written after each step, so a restart resumes it and a reader sees it), and the result
--   — a gzip JSON document and a gzip HTML summary, each sealed under the PII vault (they hold the person's
--   identity in clear) — kept until expires_at, then purged (the bytes set to null, the row kept).
-- * data_corrections: a disputed fact (an event, a profile field, a repayment record), its SLA in calendar
--   days (a setting, copied onto the row so the promise made is the promise kept), and its resolution:
--   corrected (with the correcting event appended — never an update of the disputed one) or rejected with
--   the reason the customer reads; the decisions that relied on the fact are listed for a re-check.

create table data_exports (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^dxp_[0-9A-HJKMNP-TV-Z]{26}$'),
  request_id text not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  -- The date the features are computed as of (Asia/Shanghai business date).
  as_of date not null,
  -- 'clear': the person's identity decrypted (their own copy, or an admin's); 'masked' otherwise.
  identity text not null check (identity in ('clear', 'masked')),
  requested_by jsonb not null check (jsonb_typeof(requested_by) = 'object'),
  channel text not null check (channel in ('app', 'staff')),
  reason text check (reason is null or length(reason) between 1 and 500),
  done integer not null default 0 check (done >= 0),
  total integer not null check (total >= 1),
  attempts integer not null default 0 check (attempts >= 0),
  -- Sealed gzip bytes (vault format) and the key id that sealed them; null before done and after the purge.
  document bytea,
  summary bytea,
  key_id text,
  document_sha256 text check (document_sha256 is null or document_sha256 ~ '^[0-9a-f]{64}$'),
  document_bytes integer check (document_bytes is null or document_bytes >= 0),
  counts jsonb check (counts is null or jsonb_typeof(counts) = 'object'),
  error jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz,
  expires_at timestamptz,
  purged_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, request_id) references data_subject_requests (customer_id, id),
  check (done <= total),
  check ((status = 'done') = (document_sha256 is not null)),
  check (status <> 'done' or (expires_at is not null and finished_at is not null)),
  check (purged_at is null or (document is null and summary is null)),
  check ((document is null) = (summary is null))
);
create index data_exports_by_id on data_exports (id);
-- The jobs a restart resumes, and the copies the day step purges.
create index data_exports_unfinished on data_exports (updated_at) where status in ('queued', 'running');
create index data_exports_expiring on data_exports (expires_at) where status = 'done' and purged_at is null;

create table data_corrections (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^dcr_[0-9A-HJKMNP-TV-Z]{26}$'),
  request_id text not null,
  -- What is disputed: an event (source + event id), a profile field, or a repayment record (an event).
  subject_kind text not null check (subject_kind in ('event', 'profile', 'repayment')),
  subject jsonb not null check (jsonb_typeof(subject) = 'object'),
  -- The person's words, and what they say is right (fields of the disputed record, wire form).
  statement text not null check (length(statement) between 1 and 2000),
  proposed jsonb not null default '{}'::jsonb check (jsonb_typeof(proposed) = 'object'),
  status text not null check (status in ('open', 'corrected', 'rejected')),
  sla_days integer not null check (sla_days between 1 and 90),
  due_date date not null,
  filed_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by jsonb,
  -- The reason the customer reads (zh-CN and en) when rejected; the reviewer's note when corrected.
  resolution jsonb,
  correcting_event jsonb,
  affected_decisions jsonb not null default '[]'::jsonb check (jsonb_typeof(affected_decisions) = 'array'),
  primary key (customer_id, id),
  foreign key (customer_id, request_id) references data_subject_requests (customer_id, id),
  check ((status = 'open') = (resolved_at is null)),
  check (status = 'open' or (resolved_by is not null and resolution is not null)),
  check (status <> 'corrected' or correcting_event is not null)
);
create index data_corrections_by_id on data_corrections (id);
create index data_corrections_open on data_corrections (due_date) where status = 'open';
