-- The audit log (issue 14): who did what to what, and how it ended — staff sign-ins and sign-outs, staff
-- user changes, API key creation and revocation, approvals of four-eyes changes, overrides. One row per
-- event, written through the AuditLog port (src/platform/audit/audit-log.ts).
--
-- Global table: its actors are staff, API keys and the system as well as customers, and it is read across
-- every customer by the admin's audit viewer (listed in src/platform/database/distribution.ts).
--
-- Append-only: UPDATE and DELETE are refused row by row and TRUNCATE by a statement trigger (a TRUNCATE
-- skips row triggers, see 0603). The function is this table's own: this file runs before 0408, which
-- defines the shared audit_refuse_change() on a fresh database.

create table audit_log (
  id text primary key,
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('staff', 'key', 'system', 'customer')),
  actor_id text not null check (length(actor_id) between 1 and 200),
  actor_name text not null check (length(actor_name) <= 200),
  action text not null check (action ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$' and length(action) <= 100),
  subject_type text not null check (length(subject_type) between 1 and 100),
  subject_id text not null check (length(subject_id) <= 200),
  outcome text not null check (outcome in ('ok', 'refused', 'failed')),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object')
);

-- The viewer reads newest first, filtered by action or actor, paging by (at, id).
create index audit_log_by_time on audit_log (at desc, id desc);
create index audit_log_by_action on audit_log (action, at desc, id desc);
create index audit_log_by_actor on audit_log (actor_id, at desc, id desc);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = format('%s is append-only: %s is refused — %s', tg_table_name, tg_op, tg_argv[0]);
end $$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_refuse_change(
    'the audit log records what happened; record a new entry instead');
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change(
    'the audit log records what happened; record a new entry instead');
