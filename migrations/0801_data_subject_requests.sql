-- Data-subject requests (issue 17, item 1): every request a person makes about their own data under PIPL —
-- a copy (Art. 45), a correction (Art. 46), an erasure (Art. 47) — one row, whoever asked (the customer in
-- the app, or staff on their behalf with a reason), kept as the record of who asked, when, what, and how it
-- ended. Erasure writes `erasure` rows (src/privacy/erasure*); the copy and correction use cases write
-- `copy` and `correction` rows (src/privacy/export-*, correction-*).
--
-- Life of a request: `received` → (`blocked` while a legal hold or retention rule keeps the data →)
--   `in_progress` (a job running, e.g. a copy being built) → `completed` | `refused` | `failed`;
--   `cancelled` by the person or staff before it completes.
-- `holds` is what blocked it the last time it was checked (each hold's kind, rule, reason and until-date,
-- null when it lasts until an event such as a loan closing); `not_before` is the earliest date it can be
-- carried out (null when a hold has no date or nothing blocks it).
--
-- A customer table (distribution rule): customer_id leads the primary key. The customer row stays after an
-- erasure (marked erased), so the foreign key holds. Rows are never deleted; the identity of a request (who,
-- what, when) never changes — only its status, decision, outcome and holds move forward.

create table data_subject_requests (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^dsr_[0-9A-HJKMNP-TV-Z]{26}$'),
  kind text not null check (kind in ('erasure', 'copy', 'correction')),
  status text not null
    check (status in ('received', 'blocked', 'in_progress', 'completed', 'refused', 'failed', 'cancelled')),
  -- Who asked: the customer themselves (through a customer session), or a staff user / API key on their behalf.
  requested_by_kind text not null check (requested_by_kind in ('customer', 'staff', 'system')),
  requested_by text not null check (length(requested_by) between 1 and 128),
  -- Why staff acted for the person (a call, a letter); required when staff ask.
  reason text check (length(reason) between 1 and 1000),
  requested_at timestamptz not null,
  -- What was asked, kind by kind (a copy's as-of date and format, a correction's field and proposed value).
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  -- The last check of holds and retention rules: [{kind, rule, reason, until, ...}], [] when nothing blocks.
  holds jsonb not null default '[]'::jsonb check (jsonb_typeof(holds) = 'array'),
  not_before date,
  decided_at timestamptz,
  decided_by text check (length(decided_by) between 1 and 128),
  completed_at timestamptz,
  -- How it ended, kind by kind (what was destroyed, the file produced, the fields changed, why refused).
  outcome jsonb check (outcome is null or jsonb_typeof(outcome) = 'object'),
  -- The caller's key for retries: the same key answers the same request.
  idempotency_key text check (length(idempotency_key) between 1 and 200),
  primary key (customer_id, id),
  check ((requested_by_kind = 'staff') <= (reason is not null)),
  check ((status in ('completed', 'refused', 'failed', 'cancelled')) = (completed_at is not null)),
  check (completed_at is null or completed_at >= requested_at)
);

create unique index data_subject_requests_idempotency
  on data_subject_requests (customer_id, kind, idempotency_key) where idempotency_key is not null;
-- Staff lists: open requests of a kind, oldest first; the day step picks blocked erasures whose date came.
create index data_subject_requests_open
  on data_subject_requests (kind, status, requested_at)
  where status in ('received', 'blocked', 'in_progress');

-- The record is never removed, and what was asked, by whom and when never changes; a finished request stays
-- finished.
create function data_subject_requests_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception using errcode = '55000', message = 'data_subject_requests: DELETE is refused (the record is kept)';
  end if;
  if (new.customer_id, new.id, new.kind, new.requested_by_kind, new.requested_by, new.reason, new.requested_at,
      new.details, new.idempotency_key)
     is distinct from
     (old.customer_id, old.id, old.kind, old.requested_by_kind, old.requested_by, old.reason, old.requested_at,
      old.details, old.idempotency_key)
  then
    raise exception using errcode = '55000',
      message = 'data_subject_requests: who asked, what and when cannot change';
  end if;
  if old.completed_at is not null and (new.status, new.completed_at, new.outcome)
                                      is distinct from (old.status, old.completed_at, old.outcome) then
    raise exception using errcode = '55000',
      message = 'data_subject_requests: a finished request (' || old.status || ') stays finished';
  end if;
  return new;
end $$;

create trigger data_subject_requests_guarded before update or delete on data_subject_requests
  for each row execute function data_subject_requests_guard();
