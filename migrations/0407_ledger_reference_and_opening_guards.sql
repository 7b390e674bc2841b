-- Two holes in the ledger's own rules, found by trying to break them with plain SQL (issue 6 review):
--
-- 1. An account could be INSERTed with non-zero totals (debit_total = credit_total + balance, no postings):
--    the check tying balance to the totals held, but the cached balance no longer equalled Σ postings.
--    An account now opens at zero; only postings move it (as the 0401 guard already says for UPDATE).
-- 2. The chart of account kinds could be edited: `update ledger_account_kinds set non_negative = false`
--    let a receivable go below zero, and `verifyLedger` — which reads the same table — then saw nothing
--    wrong. A kind's rules are now fixed once inserted: UPDATE, DELETE and TRUNCATE are refused (a product
--    that needs another kind still adds a row).
--
-- Append-only servicing tables also refuse TRUNCATE now (row triggers never fire for it).

create or replace function ledger_account_kind_check() returns trigger language plpgsql as $$
begin
  perform 1 from ledger_account_kinds where kind = new.kind and normal_side = new.normal_side;
  if not found then
    raise exception using errcode = '23503',
      message = format('ledger: %s is not an account kind with normal side %s', new.kind, new.normal_side);
  end if;
  if (new.debit_total, new.credit_total, new.balance, new.posting_count) is distinct from (0, 0, 0, 0) then
    raise exception using errcode = '55000',
      message = 'ledger: an account opens at zero; balances change only by posting';
  end if;
  return new;
end $$;

create trigger ledger_account_kinds_fixed before update or delete on ledger_account_kinds
  for each row execute function ledger_refuse_change();
create trigger ledger_account_kinds_no_truncate before truncate on ledger_account_kinds
  for each statement execute function ledger_refuse_change();

create trigger credit_facility_changes_no_truncate before truncate on credit_facility_changes
  for each statement execute function ledger_refuse_change();
create trigger loan_events_no_truncate before truncate on loan_events
  for each statement execute function ledger_refuse_change();
