-- The double-entry ledger (issue 6). Amounts are bigint fen.
--
-- Distribution: every ledger row belongs to a customer and carries customer_id in every key. The lender's
-- accounts (funding, income, write-off expense) are kept per customer contract too, so postings to them
-- are distributed with the customer they concern; the lender's totals are sums over those accounts.
--
-- Invariants enforced here:
--   * every journal balances (Σ debits = Σ credits, at least two lines): deferred constraint trigger;
--   * postings may only be added to a journal created in the same transaction (a journal is sealed);
--   * journals and postings are append-only: UPDATE, DELETE and TRUNCATE are refused;
--   * cached balances are maintained only by the posting trigger and equal Σ postings exactly
--     (debit_total, credit_total and balance are tied together by a check constraint; a direct UPDATE of
--     them is refused);
--   * non-negative accounts (receivables, customer overpayment, income, write-off expense) never go below 0.

-- Reference table (global): the kinds of account and their rules. Products add kinds by inserting rows.
create table ledger_account_kinds (
  kind text primary key,
  normal_side char(1) not null check (normal_side in ('D', 'C')),
  non_negative boolean not null,
  description text not null,
  unique (kind, normal_side)
);

insert into ledger_account_kinds (kind, normal_side, non_negative, description) values
  ('principal_receivable', 'D', true, 'principal the customer owes'),
  ('interest_receivable', 'D', true, 'interest accrued and not yet paid'),
  ('fee_receivable', 'D', true, 'fees charged and not yet paid'),
  ('penalty_receivable', 'D', true, 'penalty interest accrued and not yet paid'),
  ('customer_overpayment', 'C', true, 'money received beyond what is owed, held for the customer'),
  ('funding', 'D', false, 'lender settlement: cash paid out (credit) and received (debit)'),
  ('interest_income', 'C', true, 'interest earned'),
  ('fee_income', 'C', true, 'fees earned'),
  ('penalty_income', 'C', true, 'penalty interest earned'),
  ('write_off_expense', 'D', true, 'receivables written off, less recoveries');

create table ledger_accounts (
  customer_id text not null,
  -- The loan, credit line or plan the account belongs to.
  contract_id text not null,
  kind text not null,
  normal_side char(1) not null,
  debit_total bigint not null default 0 check (debit_total >= 0),
  credit_total bigint not null default 0 check (credit_total >= 0),
  balance bigint not null default 0,
  posting_count bigint not null default 0 check (posting_count >= 0),
  created_at timestamptz not null,
  primary key (customer_id, contract_id, kind),
  foreign key (kind, normal_side) references ledger_account_kinds (kind, normal_side),
  constraint ledger_accounts_balance_is_net check (
    balance = case normal_side when 'D' then debit_total - credit_total else credit_total - debit_total end
  )
);

create table ledger_journals (
  customer_id text not null,
  id text not null,
  contract_id text not null,
  -- What caused the entry, unique per customer: the same cause is never booked twice.
  source_key text not null check (length(source_key) between 1 and 200),
  kind text not null check (length(kind) between 1 and 40),
  effective_date date not null,
  posted_at timestamptz not null,
  description text not null default '',
  reverses_journal_id text,
  -- The transaction that created the journal: postings may only be added by that same transaction.
  created_xact text not null default (pg_current_xact_id()::text),
  primary key (customer_id, id),
  unique (customer_id, source_key),
  foreign key (customer_id, reverses_journal_id) references ledger_journals (customer_id, id)
);

create table ledger_postings (
  customer_id text not null,
  journal_id text not null,
  line_no smallint not null check (line_no >= 1),
  contract_id text not null,
  kind text not null,
  side char(1) not null check (side in ('D', 'C')),
  amount bigint not null check (amount > 0),
  effective_date date not null,
  primary key (customer_id, journal_id, line_no),
  foreign key (customer_id, journal_id) references ledger_journals (customer_id, id),
  foreign key (customer_id, contract_id, kind) references ledger_accounts (customer_id, contract_id, kind)
);

create index ledger_postings_by_account on ledger_postings (customer_id, contract_id, kind, effective_date);
create index ledger_journals_by_contract on ledger_journals (customer_id, contract_id, effective_date);

-- Append-only: corrections are reversals, never edits.
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000',
    message = format('ledger: %s is append-only; correct it with a reversing entry', tg_table_name);
end $$;

create trigger ledger_journals_append_only before update or delete on ledger_journals
  for each row execute function ledger_refuse_change();
create trigger ledger_postings_append_only before update or delete on ledger_postings
  for each row execute function ledger_refuse_change();
create trigger ledger_journals_no_truncate before truncate on ledger_journals
  for each statement execute function ledger_refuse_change();
create trigger ledger_postings_no_truncate before truncate on ledger_postings
  for each statement execute function ledger_refuse_change();
create trigger ledger_accounts_no_delete before delete on ledger_accounts
  for each row execute function ledger_refuse_change();
create trigger ledger_accounts_no_truncate before truncate on ledger_accounts
  for each statement execute function ledger_refuse_change();

-- Cached balances change only through postings: an UPDATE issued directly (trigger depth 1) may not touch
-- them; the posting trigger's own UPDATE runs at depth 2.
create function ledger_guard_account() returns trigger language plpgsql as $$
begin
  if new.customer_id <> old.customer_id or new.contract_id <> old.contract_id or new.kind <> old.kind
     or new.normal_side <> old.normal_side then
    raise exception using errcode = '55000', message = 'ledger: an account''s identity never changes';
  end if;
  if pg_trigger_depth() < 2 and (new.debit_total, new.credit_total, new.balance, new.posting_count)
       is distinct from (old.debit_total, old.credit_total, old.balance, old.posting_count) then
    raise exception using errcode = '55000', message = 'ledger: balances change only by posting';
  end if;
  return new;
end $$;

create trigger ledger_accounts_guard before update on ledger_accounts
  for each row execute function ledger_guard_account();

-- One pass per INSERT statement: seal check, then every touched account's cached totals, then the
-- non-negative rule on the new balances.
create function ledger_apply_postings() returns trigger language plpgsql as $$
declare
  groups integer;
  updated integer;
  negatives integer;
  foreign_journals integer;
begin
  select count(*) into foreign_journals
    from (select distinct customer_id, journal_id from new_postings) t
    join ledger_journals j on j.customer_id = t.customer_id and j.id = t.journal_id
   where j.created_xact <> pg_current_xact_id()::text;
  if foreign_journals > 0 then
    raise exception using errcode = '55000',
      message = 'ledger: postings may only be added to a journal in the transaction that created it';
  end if;

  with deltas as (
    select customer_id, contract_id, kind,
           coalesce(sum(amount) filter (where side = 'D'), 0) as debits,
           coalesce(sum(amount) filter (where side = 'C'), 0) as credits,
           count(*) as lines
      from new_postings
     group by customer_id, contract_id, kind
  ), applied as (
    update ledger_accounts a
       set debit_total = a.debit_total + d.debits,
           credit_total = a.credit_total + d.credits,
           balance = a.balance + case a.normal_side when 'D' then d.debits - d.credits else d.credits - d.debits end,
           posting_count = a.posting_count + d.lines
      from deltas d
     where a.customer_id = d.customer_id and a.contract_id = d.contract_id and a.kind = d.kind
    returning a.kind, a.balance
  )
  select (select count(*) from deltas), count(*), count(*) filter (where k.non_negative and applied.balance < 0)
    into groups, updated, negatives
    from applied join ledger_account_kinds k on k.kind = applied.kind;

  if updated <> groups then
    raise exception using errcode = '23503', message = 'ledger: posting to an account that does not exist';
  end if;
  if negatives > 0 then
    raise exception using errcode = '23514',
      message = 'ledger: a receivable, overpayment, income or expense account would go below zero';
  end if;
  return null;
end $$;

create trigger ledger_postings_apply after insert on ledger_postings
  referencing new table as new_postings for each statement execute function ledger_apply_postings();

-- Checked at commit, once per journal: it balances and has at least two lines.
create function ledger_check_journal() returns trigger language plpgsql as $$
declare
  debits bigint;
  credits bigint;
  lines integer;
begin
  select coalesce(sum(amount) filter (where side = 'D'), 0), coalesce(sum(amount) filter (where side = 'C'), 0),
         count(*)
    into debits, credits, lines
    from ledger_postings where customer_id = new.customer_id and journal_id = new.id;
  if lines < 2 or debits <> credits then
    raise exception using errcode = '23514',
      message = format('ledger: journal %s does not balance (debits %s, credits %s, %s lines)',
                       new.id, debits, credits, lines);
  end if;
  return null;
end $$;

create constraint trigger ledger_journal_balanced after insert on ledger_journals
  deferrable initially deferred for each row execute function ledger_check_journal();

-- Idempotency of money commands: the request's hash and the response given, per (customer, command, key).
create table idempotency_keys (
  customer_id text not null,
  scope text not null check (length(scope) between 1 and 60),
  key text not null check (length(key) between 1 and 200),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  response jsonb,
  created_at timestamptz not null,
  completed_at timestamptz,
  primary key (customer_id, scope, key)
);
