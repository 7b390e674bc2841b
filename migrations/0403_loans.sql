-- Cash loans (issue 6). A loan's contract is immutable; its servicing state (instalments, exact running
-- fractions, counters) is a jsonb snapshot as of processed_through, the last business date whose day-end
-- it has had — the day-end batch's exactly-once watermark, advanced in the same transaction as the postings.

create table loans (
  customer_id text not null,
  id text not null,
  facility_id text not null,
  product_code text not null,
  principal bigint not null check (principal > 0),
  apr_num bigint not null check (apr_num >= 0),
  apr_den bigint not null check (apr_den > 0),
  term smallint not null check (term between 1 and 360),
  method text not null check (method in ('equal-installment', 'equal-principal', 'interest-first')),
  basis text not null check (basis in ('monthly', 'daily')),
  start_date date not null,
  contract jsonb not null,
  status text not null check (status in ('active', 'closed', 'written_off')),
  processed_through date not null,
  days_past_due integer not null default 0 check (days_past_due >= 0),
  bucket text not null default 'M0' check (bucket in ('M0', 'M1', 'M2', 'M3+')),
  state jsonb not null,
  next_event_seq integer not null default 1 check (next_event_seq >= 1),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, id),
  foreign key (customer_id, facility_id) references credit_facilities (customer_id, id),
  check (processed_through >= start_date)
);

-- Lookups by loan id alone (the API's paths carry only the loan id); not unique, so distributable.
create index loans_by_id on loans (id);
-- The day-end batch pages through active loans in id order.
create index loans_active_by_id on loans (id) where status = 'active';
create index loans_by_facility on loans (customer_id, facility_id);

-- What happened to a loan besides the passing of days, in arrival order (seq): repayments with their
-- value dates, manual write-offs. Replaying them in date order defines the books (append-only).
create table loan_events (
  customer_id text not null,
  loan_id text not null,
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('repayment', 'write-off')),
  effective_date date not null,
  amount bigint check (amount > 0),
  intent text check (intent in ('scheduled', 'prepayment')),
  received_at timestamptz not null,
  primary key (customer_id, loan_id, seq),
  foreign key (customer_id, loan_id) references loans (customer_id, id),
  check ((kind = 'repayment') = (amount is not null and intent is not null))
);

create trigger loan_events_append_only before update or delete on loan_events
  for each row execute function ledger_refuse_change();
