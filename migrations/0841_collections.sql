-- Collections (issue 15, item 3): a case per delinquent account, worked by collectors from a queue, with a
-- contact log and promises to pay. Customer tables (distribution rule: customer_id leads every key).
--
-- 1. collection_cases: one case per run of delinquency of an account (a cash loan with an instalment past
--    due, a credit line with a minimum unmet past its due date). The day-end opens it, moves it with the
--    account's bucket and closes it when the account is cured, paid off, settled, written off or closed.
--    observed_through is the last business date the day-end looked at it: the step of a date skips a case
--    that already saw it, so a crash and rerun changes nothing twice. At most one open case per account.
--    The claim (claimed_by_*, claim_expires_at) is a collector's hold on the case; it lapses by itself.
--    A closed case is final; no case is deleted.
-- 2. collection_case_events: the case's history, append-only — opened, bucket changes, closed, promises
--    made, kept and broken — each once per (case, kind, occasion).
-- 3. collection_promises: a promise to pay an amount by a date, made on a business date; the day-end marks
--    it kept (payments with value dates from made_on through due_date reach the amount) or broken (the
--    date passed without). Pending → kept | broken, once; one pending promise per case.
-- 4. collection_contacts: the contact log, append-only — channel, outcome, note, who, when, under the
--    caller's idempotency key (a retry logs nothing twice). Only the customer is ever contacted
--    (party = 'customer').

create table collection_cases (
  customer_id text not null,
  id text not null check (id ~ '^ccs_[0-9A-HJKMNP-TV-Z]{26}$'),
  account_id text not null check (account_id ~ '^(ln|cl)_[0-9A-HJKMNP-TV-Z]{26}$'),
  product text not null check (product in ('cash_loan', 'credit_line')),
  opened_on date not null,
  status text not null check (status in ('open', 'closed')),
  bucket text not null check (bucket in ('M1', 'M2', 'M3+')),
  days_past_due integer not null check (days_past_due >= 0),
  amount_past_due bigint not null check (amount_past_due >= 0),
  oldest_due_date date,
  priority smallint not null check (priority between 1 and 9),
  broken_promises integer not null default 0 check (broken_promises >= 0),
  observed_through date not null,
  closed_on date,
  close_reason text check (close_reason in ('cured', 'paid-off', 'settled', 'written-off', 'closed')),
  claimed_by_id text check (length(claimed_by_id) between 1 and 100),
  claimed_by_name text check (length(claimed_by_name) between 1 and 200),
  claimed_at timestamptz,
  claim_expires_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, id),
  unique (customer_id, account_id, opened_on),
  check (observed_through >= opened_on),
  check ((status = 'closed') = (closed_on is not null and close_reason is not null)),
  check (closed_on is null or closed_on >= opened_on),
  check ((claimed_by_id is null) = (claimed_by_name is null)
     and (claimed_by_id is null) = (claimed_at is null)
     and (claimed_by_id is null) = (claim_expires_at is null)),
  check (status = 'open' or claimed_by_id is null)
);

-- At most one open case per account.
create unique index collection_cases_one_open on collection_cases (customer_id, account_id)
  where status = 'open';
-- The day-end pages through accounts with an open case in account-id order.
create index collection_cases_open_accounts on collection_cases (account_id) where status = 'open';
-- The collectors' queue: highest priority first, then what is owed, then the days, then the oldest.
create index collection_cases_queue on collection_cases
  (priority desc, amount_past_due desc, days_past_due desc, opened_on, id) where status = 'open';
-- Lookups by case id alone (the API's paths carry only the case id); not unique, so distributable.
create index collection_cases_by_id on collection_cases (id);

create function collection_cases_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('collection_cases keeps every case: %s is refused', tg_op);
  end if;
  if (new.customer_id, new.id, new.account_id, new.product, new.opened_on, new.created_at)
       is distinct from (old.customer_id, old.id, old.account_id, old.product, old.opened_on, old.created_at) then
    raise exception using errcode = '55000',
      message = format('collection case %s keeps its account, product and opening date', old.id);
  end if;
  if old.status = 'closed' then
    raise exception using errcode = '55000',
      message = format('collection case %s is closed: its record is final', old.id);
  end if;
  if new.observed_through < old.observed_through then
    raise exception using errcode = '55000',
      message = format('collection case %s: the day-end never goes back in time', old.id);
  end if;
  return new;
end $$;

create trigger collection_cases_guard before update or delete on collection_cases
  for each row execute function collection_cases_guard();
create trigger collection_cases_no_truncate before truncate on collection_cases
  for each statement execute function ledger_refuse_change();

create table collection_case_events (
  customer_id text not null,
  case_id text not null,
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('opened', 'bucket-changed', 'closed', 'promise-made', 'promise-kept',
                                     'promise-broken')),
  -- What makes the event one of its kind for the case: the business date, or the promise's id.
  occasion text not null check (length(occasion) between 1 and 80),
  business_date date not null,
  from_bucket text check (from_bucket in ('M1', 'M2', 'M3+')),
  to_bucket text check (to_bucket in ('M1', 'M2', 'M3+')),
  days_past_due integer not null check (days_past_due >= 0),
  amount_past_due bigint not null check (amount_past_due >= 0),
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object'),
  recorded_at timestamptz not null,
  primary key (customer_id, case_id, seq),
  unique (customer_id, case_id, kind, occasion),
  foreign key (customer_id, case_id) references collection_cases (customer_id, id)
);

create trigger collection_case_events_append_only before update or delete on collection_case_events
  for each row execute function ledger_refuse_change();
create trigger collection_case_events_no_truncate before truncate on collection_case_events
  for each statement execute function ledger_refuse_change();

create table collection_promises (
  customer_id text not null,
  id text not null check (id ~ '^ptp_[0-9A-HJKMNP-TV-Z]{26}$'),
  case_id text not null,
  account_id text not null,
  made_on date not null,
  due_date date not null,
  amount bigint not null check (amount > 0),
  status text not null check (status in ('pending', 'kept', 'broken')),
  resolved_on date,
  -- What was paid in the promise's window when it was resolved.
  paid bigint check (paid >= 0),
  made_by_id text not null check (length(made_by_id) between 1 and 100),
  made_by_name text not null check (length(made_by_name) between 1 and 200),
  note text check (length(note) between 1 and 1000),
  created_at timestamptz not null,
  resolved_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, case_id) references collection_cases (customer_id, id),
  check (due_date >= made_on),
  check ((status = 'pending') = (resolved_on is null)),
  check ((status = 'pending') = (paid is null)),
  check ((status = 'pending') = (resolved_at is null)),
  check (resolved_on is null or resolved_on >= made_on),
  check (status <> 'kept' or paid >= amount),
  check (status <> 'broken' or (paid < amount and resolved_on >= due_date))
);

-- One pending promise per case.
create unique index collection_promises_one_pending on collection_promises (customer_id, case_id)
  where status = 'pending';
-- The day-end pages through accounts with a pending promise in account-id order.
create index collection_promises_pending_accounts on collection_promises (account_id) where status = 'pending';
create index collection_promises_by_case on collection_promises (customer_id, case_id);

create function collection_promises_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('collection_promises keeps every promise: %s is refused', tg_op);
  end if;
  if (new.customer_id, new.id, new.case_id, new.account_id, new.made_on, new.due_date, new.amount,
      new.made_by_id, new.made_by_name, new.note, new.created_at)
       is distinct from (old.customer_id, old.id, old.case_id, old.account_id, old.made_on, old.due_date,
                         old.amount, old.made_by_id, old.made_by_name, old.note, old.created_at) then
    raise exception using errcode = '55000',
      message = format('promise %s keeps its terms', old.id);
  end if;
  if old.status <> 'pending' then
    raise exception using errcode = '55000',
      message = format('promise %s is %s: its record is final', old.id, old.status);
  end if;
  return new;
end $$;

create trigger collection_promises_guard before update or delete on collection_promises
  for each row execute function collection_promises_guard();
create trigger collection_promises_no_truncate before truncate on collection_promises
  for each statement execute function ledger_refuse_change();

create table collection_contacts (
  customer_id text not null,
  id text not null check (id ~ '^cct_[0-9A-HJKMNP-TV-Z]{26}$'),
  case_id text not null,
  channel text not null check (channel in ('call', 'sms', 'visit-note')),
  outcome text not null check (outcome in ('reached', 'no-answer', 'wrong-number', 'refused', 'promise')),
  -- Collections talk to the customer and to nobody else (no relatives, employers or contacts).
  party text not null default 'customer' check (party = 'customer'),
  note text check (length(note) between 1 and 1000),
  promise_id text,
  contacted_at timestamptz not null,
  by_id text not null check (length(by_id) between 1 and 100),
  by_name text not null check (length(by_name) between 1 and 200),
  recorded_at timestamptz not null,
  -- The caller's Idempotency-Key: a retried request finds its contact instead of logging a second one.
  idempotency_key text not null check (idempotency_key ~ '^[\x21-\x7e]{1,200}$'),
  primary key (customer_id, id),
  unique (customer_id, idempotency_key),
  foreign key (customer_id, case_id) references collection_cases (customer_id, id),
  foreign key (customer_id, promise_id) references collection_promises (customer_id, id),
  check ((outcome = 'promise') = (promise_id is not null)),
  check (contacted_at <= recorded_at)
);

-- Frequency caps count a customer's contacts by time.
create index collection_contacts_by_time on collection_contacts (customer_id, contacted_at);
create index collection_contacts_by_case on collection_contacts (customer_id, case_id, contacted_at);

create trigger collection_contacts_append_only before update or delete on collection_contacts
  for each row execute function ledger_refuse_change();
create trigger collection_contacts_no_truncate before truncate on collection_contacts
  for each statement execute function ledger_refuse_change();

-- The day-end's collections step reads the delinquent accounts of each product in id order.
create index loans_delinquent_by_id on loans (id) where status = 'active' and days_past_due > 0;
create index credit_lines_delinquent_by_id on credit_lines (id) where closed_on is null and days_past_due > 0;
