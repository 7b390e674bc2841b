-- Four-eyes changes (issue 14): no single person changes who gets credit. A policy version, a model
-- activation or a dated lending-settings change is a change request that a second person approves or
-- rejects. Global table: changes belong to the lender, not to a customer (listed in
-- src/platform/database/distribution.ts).
--
-- A pending policy version is a row of policy_versions from the moment it is submitted (immutable, 0360) and
-- is in force only once its change request is approved: a version with a change request that is not
-- 'approved' is never in force. Versions loaded before this migration have no change request and stay in force.

create table change_requests (
  id text primary key check (id ~ '^chg_[0-9A-HJKMNP-TV-Z]{26}$'),
  kind text not null check (kind in ('policy', 'model', 'settings')),
  -- What it changes: a policy version id (pol_…), a model version, a settings kind and date.
  subject text not null check (length(subject) between 1 and 200),
  -- Submissions of one scope replace each other while pending (the older becomes 'superseded').
  scope text not null check (length(scope) between 1 and 200),
  summary text not null check (length(summary) between 1 and 500),
  payload jsonb not null,
  requested_by text not null check (length(requested_by) between 1 and 200),
  -- The requester's name as a person (NFKC, trimmed, single spaces, lower case): what maker-checker compares.
  requested_by_person text not null check (length(requested_by_person) between 1 and 200),
  requested_by_id text not null,
  requested_at timestamptz not null,
  effective_from date not null,
  simulation_id text,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'superseded')),
  decided_by text,
  decided_by_person text,
  decided_by_id text,
  decided_at timestamptz,
  note text not null default '' check (length(note) <= 1000),
  -- The very first policy of a fresh database, and the demo seeding, take effect without a second person.
  bootstrap boolean not null default false,
  check ((status = 'pending') = (decided_at is null)),
  check (status = 'pending' or decided_by is not null),
  -- Maker-checker, in the database too: an approval is by another person unless it is the bootstrap.
  check (status <> 'approved' or bootstrap or decided_by_person <> requested_by_person)
);

create index change_requests_inbox on change_requests (status, requested_at desc, id desc);
create index change_requests_subject on change_requests (kind, subject);
create unique index change_requests_one_pending_per_scope on change_requests (kind, scope) where status = 'pending';

-- Final once decided: only a pending request may change, only to a decision, and only its decision fields.
create function change_requests_final() returns trigger language plpgsql as $$
begin
  if TG_OP <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = 'change_requests are kept: ' || TG_OP || ' is refused';
  end if;
  if old.status <> 'pending' then
    raise exception using errcode = '55000',
      message = 'change request ' || old.id || ' is final (' || old.status || ')';
  end if;
  if (new.id, new.kind, new.subject, new.scope, new.summary, new.payload, new.requested_by,
      new.requested_by_person, new.requested_by_id, new.requested_at, new.effective_from,
      new.simulation_id, new.bootstrap)
     is distinct from
     (old.id, old.kind, old.subject, old.scope, old.summary, old.payload, old.requested_by,
      old.requested_by_person, old.requested_by_id, old.requested_at, old.effective_from,
      old.simulation_id, old.bootstrap) then
    raise exception using errcode = '55000',
      message = 'change request ' || old.id || ': only its decision may be recorded';
  end if;
  return new;
end $$;

create trigger change_requests_no_change before update or delete on change_requests
  for each row execute function change_requests_final();
create trigger change_requests_no_truncate before truncate on change_requests
  for each statement execute function change_requests_final();

-- Policy simulations run for the editor: progress while running, the report when done. Kept in a table so
-- a result outlives the process that ran it and any API instance can answer GET …/simulations/:id.
create table policy_simulations (
  id text primary key check (id ~ '^sim_[0-9A-HJKMNP-TV-Z]{26}$'),
  requested_by text not null,
  request jsonb not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  done integer not null default 0 check (done >= 0),
  total integer not null default 0 check (total >= 0),
  report jsonb,
  error jsonb,
  created_at timestamptz not null,
  -- Written with the progress: a run not updated for a while was left by a process that stopped.
  updated_at timestamptz not null,
  finished_at timestamptz
);
create index policy_simulations_created on policy_simulations (created_at);
