-- Refusals name the table, not the Citus shard (issue 16). On Citus a row trigger runs on the shard, where
-- tg_table_name is the shard's name — the table's name and the shard id, `credit_facility_changes_102114` —
-- so "credit_facility_changes_102114 is append-only" reached the client. The guards below are the same
-- functions with the shard suffix taken off; on PostgreSQL and PGlite the name has no such suffix (no table
-- of the schema ends in _<digits>: test/platform/citus.test.ts checks it) and the messages are unchanged.

create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = format('%s is append-only: %s is refused — %s',
      regexp_replace(tg_table_name, '_[0-9]+$', ''), tg_op, tg_argv[0]);
end $$;

create or replace function referral_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '') || ' is append-only: ' || TG_OP || ' is refused';
end $$;

create or replace function ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = format('ledger: %s is append-only; correct it with a reversing entry',
      regexp_replace(tg_table_name, '_[0-9]+$', ''));
end $$;

create or replace function audit_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = format('%s is append-only: %s is refused — %s',
      regexp_replace(tg_table_name, '_[0-9]+$', ''), tg_op, tg_argv[0]);
end $$;

create or replace function appeals_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '') || ' is append-only: ' || TG_OP || ' is refused';
end $$;

create or replace function bureau_reporting_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', regexp_replace(tg_table_name, '_[0-9]+$', ''), tg_op
    using errcode = '55000';
end
$$;
