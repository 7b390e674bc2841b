-- Loan payouts, and audit rows that cannot be rewritten (review of issues 6 and 7).
--
-- 1. A payout returns money held for the customer (customer_overpayment) to them: a loan event of kind
--    'payout' with an amount and no intent, booked D customer_overpayment / C funding.
-- 2. credit_facility_changes (a facility's audit trail) was already append-only (0402, TRUNCATE since
--    0407), but refused with the ledger's message ("correct it with a reversing entry"), which says nothing
--    useful about a facility. Its guards now say what the table is and what to do instead.
-- 3. idempotency_keys: a key is inserted pending (no response) by the command that claims it and completed
--    once, in the same transaction, with the response (idempotency.pg.ts). Nothing deletes a key: a refused
--    command rolls its claim back with the transaction, and keys do not expire. So: a pending key may be
--    completed exactly once; a completed key never changes; its identity and request hash never change;
--    DELETE and TRUNCATE are refused. A stored response is what every replay of the key answers — rewriting
--    it would let a replay report a payment that never happened.
-- 4. decisions were append-only for UPDATE and DELETE (0350) but not TRUNCATE (row triggers never fire for
--    it): now refused too.
-- 5. day_end_runs is legitimately updated (running → completed; a catch-up pass over a completed date adds
--    its items), so it is not frozen; but the run log is never erased or rewound: DELETE and TRUNCATE are
--    refused, a run's product, date and start never change, a completed run stays completed and its count
--    of items processed never decreases.

alter table loan_events drop constraint loan_events_kind_check;
alter table loan_events add constraint loan_events_kind_check
  check (kind in ('repayment', 'write-off', 'payout'));
alter table loan_events add constraint loan_events_payout_amount
  check (kind <> 'payout' or (amount is not null and intent is null));

-- A record of what happened: every change is refused, with the table's own hint (the trigger's argument).
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = format('%s is append-only: %s is refused — %s', tg_table_name, tg_op, tg_argv[0]);
end $$;

drop trigger credit_facility_changes_append_only on credit_facility_changes;
drop trigger credit_facility_changes_no_truncate on credit_facility_changes;
create trigger credit_facility_changes_append_only before update or delete on credit_facility_changes
  for each row execute function audit_refuse_change(
    'a facility''s changes are its audit trail; change the facility to record a new one');
create trigger credit_facility_changes_no_truncate before truncate on credit_facility_changes
  for each statement execute function audit_refuse_change(
    'a facility''s changes are its audit trail; change the facility to record a new one');

alter table idempotency_keys add constraint idempotency_keys_completed_with_response
  check ((response is null) = (completed_at is null));

create function idempotency_key_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('idempotency_keys is append-only: %s is refused — a stored response answers every '
                       'replay of its key', tg_op);
  end if;
  if old.response is not null or old.completed_at is not null then
    raise exception using errcode = '55000',
      message = format('idempotency key %s (%s) is completed: its stored response is final and cannot be '
                       'rewritten', old.key, old.scope);
  end if;
  if (new.customer_id, new.scope, new.key, new.request_hash, new.created_at)
       is distinct from (old.customer_id, old.scope, old.key, old.request_hash, old.created_at) then
    raise exception using errcode = '55000',
      message = format('idempotency key %s (%s): only its response and completion time are written, once',
                       old.key, old.scope);
  end if;
  return new;
end $$;

create trigger idempotency_keys_guard before update or delete on idempotency_keys
  for each row execute function idempotency_key_guard();
create trigger idempotency_keys_no_truncate before truncate on idempotency_keys
  for each statement execute function idempotency_key_guard();

create trigger decisions_no_truncate before truncate on decisions
  for each statement execute function decisions_refuse_change();

create function day_end_runs_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('day_end_runs is the batch''s run log: %s is refused', tg_op);
  end if;
  if (new.product, new.business_date, new.started_at) is distinct from (old.product, old.business_date, old.started_at) then
    raise exception using errcode = '55000',
      message = format('day_end_runs: the run of %s on %s keeps its product, date and start',
                       old.product, old.business_date);
  end if;
  if old.status = 'completed' and (new.status <> 'completed' or new.completed_at is null) then
    raise exception using errcode = '55000',
      message = format('day_end_runs: the run of %s on %s is completed and stays completed',
                       old.product, old.business_date);
  end if;
  if new.items_processed < old.items_processed then
    raise exception using errcode = '55000',
      message = format('day_end_runs: the items processed by the run of %s on %s never decrease',
                       old.product, old.business_date);
  end if;
  return new;
end $$;

create trigger day_end_runs_guard before update or delete on day_end_runs
  for each row execute function day_end_runs_guard();
create trigger day_end_runs_no_truncate before truncate on day_end_runs
  for each statement execute function day_end_runs_guard();
