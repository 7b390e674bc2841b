-- Citus (issue 16): statement-level triggers with transition tables do not run on distributed tables
-- ("executor could not find named tuplestore"). The two that used them become row-level triggers that touch
-- only the inserted row's own customer — rows that Citus keeps on the same shard group (colocated by
-- customer_id) or in reference tables — so each runs locally beside the row on any store. Same rules, same
-- transaction, on PGlite, PostgreSQL and Citus alike.

-- 1. customers.events_version counts the customer's stored events (0111). One increment per inserted event,
--    in the inserting transaction: a reader still never sees events without their version or the other way
--    round, and the count still changes exactly when an event is added.
drop trigger customer_events_version on customer_events;
drop function customer_events_count_versions();

create function customer_events_count_version() returns trigger language plpgsql as $$
begin
  update customers set events_version = events_version + 1 where customer_id = new.customer_id;
  return null;
end
$$;

create trigger customer_events_version after insert on customer_events
  for each row execute function customer_events_count_version();

-- 2. A journal is sealed to the transaction that created it. The transaction id is now stamped by a row
--    trigger where the row is stored, instead of by the column default: on Citus a default's volatile
--    function is evaluated on the coordinator, whose transaction id is not the one the shard's posting
--    trigger sees. It also means no caller can supply another transaction's id.
create function ledger_journal_stamp_xact() returns trigger language plpgsql as $$
begin
  new.created_xact := pg_current_xact_id()::text;
  return new;
end
$$;

create trigger ledger_journals_stamp_xact before insert on ledger_journals
  for each row execute function ledger_journal_stamp_xact();

-- 3. Postings apply to their account one row at a time (0401/0405 did it once per statement). For each
--    posting: its journal exists and was created by this transaction; its account exists (the update found
--    it); the cached totals move by the posting; a non-negative kind does not go below zero. The AFTER ROW
--    triggers of a statement still fire at its end, after the data-modifying CTE that inserts the journals,
--    in the order the postings were inserted. The account's update runs at trigger depth 1, so the guard on
--    direct edits of balances (0406: depth 0 only) lets it through as before.
drop trigger ledger_postings_apply on ledger_postings;
drop function ledger_apply_postings();

create function ledger_apply_posting() returns trigger language plpgsql as $$
declare
  new_balance bigint;
  stays_non_negative boolean;
begin
  perform 1 from ledger_journals
   where customer_id = new.customer_id and id = new.journal_id
     and created_xact = pg_current_xact_id()::text;
  if not found then
    raise exception using errcode = '55000',
      message = 'ledger: postings may only be added to a journal in the transaction that created it';
  end if;

  update ledger_accounts a
     set debit_total = a.debit_total + case new.side when 'D' then new.amount else 0 end,
         credit_total = a.credit_total + case new.side when 'C' then new.amount else 0 end,
         balance = a.balance + case when new.side = a.normal_side then new.amount else -new.amount end,
         posting_count = a.posting_count + 1
   where a.customer_id = new.customer_id and a.contract_id = new.contract_id and a.kind = new.kind
  returning a.balance into new_balance;
  if not found then
    raise exception using errcode = '23503', message = 'ledger: posting to an account that does not exist';
  end if;

  if new_balance < 0 then
    select k.non_negative into stays_non_negative from ledger_account_kinds k where k.kind = new.kind;
    if stays_non_negative then
      raise exception using errcode = '23514',
        message = 'ledger: a receivable, overpayment, income or expense account would go below zero';
    end if;
  end if;
  return null;
end
$$;

create trigger ledger_postings_apply after insert on ledger_postings
  for each row execute function ledger_apply_posting();
