-- The posting trigger of 0901/0902 with the same rules in one statement per posting instead of two: the
-- account's update joins the posting's journal and moves the totals only when that journal was created by
-- this transaction. Only when nothing was updated does it look again, to say which rule refused (the
-- journal's seal, 55000, or a missing account, 23503). Day-end batches post thousands of lines per
-- statement; this halves the statements the trigger runs for each. On Citus the join stays on the
-- customer's shard (both tables are filtered by the same customer_id).
create or replace function ledger_apply_posting() returns trigger language plpgsql as $$
declare
  debit_amount bigint := case when new.side = 'D' then new.amount else 0 end;
  credit_amount bigint := case when new.side = 'C' then new.amount else 0 end;
  new_balance bigint;
  stays_non_negative boolean;
begin
  update ledger_accounts a
     set debit_total = a.debit_total + debit_amount,
         credit_total = a.credit_total + credit_amount,
         balance = a.balance + case when a.normal_side = 'D' then debit_amount - credit_amount
                                    else credit_amount - debit_amount end,
         posting_count = a.posting_count + 1
    from ledger_journals j
   where a.customer_id = new.customer_id and a.contract_id = new.contract_id and a.kind = new.kind
     and j.customer_id = new.customer_id and j.id = new.journal_id
     and j.created_xact = pg_current_xact_id()::text
  returning a.balance into new_balance;

  if not found then
    perform 1 from ledger_journals
     where customer_id = new.customer_id and id = new.journal_id
       and created_xact = pg_current_xact_id()::text;
    if not found then
      raise exception using errcode = '55000',
        message = 'ledger: postings may only be added to a journal in the transaction that created it';
    end if;
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
