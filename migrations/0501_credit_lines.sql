-- Credit lines (issue 7): revolving spending lines drawn on a customer's credit-line facility. A line's
-- terms are fixed when it opens; its servicing state (open statements, unbilled postings, instalment plans,
-- exact interest fractions, counters) is a jsonb snapshot as of processed_through, the last business date
-- whose day step it has had — the day-end batch's exactly-once watermark, advanced in the same transaction
-- as the line's postings and statements. The ledger contracts are the line and each instalment plan.

create table credit_lines (
  customer_id text not null,
  id text not null,
  facility_id text not null,
  product_code text not null,
  statement_day smallint not null check (statement_day between 1 and 31),
  due_day smallint not null check (due_day between 1 and 31),
  opened_on date not null,
  terms jsonb not null,
  processed_through date not null,
  next_statement_date date not null,
  days_past_due integer not null default 0 check (days_past_due >= 0),
  bucket text not null default 'M0' check (bucket in ('M0', 'M1', 'M2', 'M3+')),
  state jsonb not null,
  next_event_seq integer not null default 1 check (next_event_seq >= 1),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, id),
  -- One line per credit-line facility.
  unique (customer_id, facility_id),
  foreign key (customer_id, facility_id) references credit_facilities (customer_id, id),
  check (processed_through >= opened_on),
  check (next_statement_date > processed_through)
);

-- Lookups by line id alone (the API's paths carry only the line id); not unique, so distributable.
create index credit_lines_by_id on credit_lines (id);
-- The day-end batch pages through lines behind a date in id order.
create index credit_lines_behind on credit_lines (processed_through, id);

-- What happened to a line besides the passing of days, in arrival order (seq): purchases, refunds,
-- payments (with value dates) and instalment conversions. Replaying them in date order over the day steps
-- defines the line's books (append-only).
create table credit_line_events (
  customer_id text not null,
  line_id text not null,
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('purchase', 'refund', 'payment', 'conversion')),
  effective_date date not null,
  amount bigint not null check (amount > 0),
  -- The purchase (purchase, refund) or the plan (conversion) the event is about.
  ref_id text,
  detail jsonb not null default '{}'::jsonb,
  received_at timestamptz not null,
  primary key (customer_id, line_id, seq),
  foreign key (customer_id, line_id) references credit_lines (customer_id, id),
  check ((kind = 'payment') = (ref_id is null))
);

create index credit_line_events_by_ref on credit_line_events (customer_id, ref_id) where ref_id is not null;

create trigger credit_line_events_append_only before update or delete on credit_line_events
  for each row execute function ledger_refuse_change();

-- Statements as cut on the statement date: the customer's documents, never changed afterwards (a later
-- correction shows on the next statement). Closing = opening + purchases − refunds − payments + fees +
-- interest + instalment principal − converted, which the table checks.
create table credit_line_statements (
  customer_id text not null,
  line_id text not null,
  seq integer not null check (seq >= 1),
  statement_date date not null,
  due_date date not null,
  period_start date not null,
  period_end date not null,
  opening_balance bigint not null,
  purchases bigint not null check (purchases >= 0),
  refunds bigint not null check (refunds >= 0),
  payments bigint not null check (payments >= 0),
  fees bigint not null check (fees >= 0),
  interest bigint not null check (interest >= 0),
  instalment_principal bigint not null check (instalment_principal >= 0),
  converted bigint not null check (converted >= 0),
  closing_balance bigint not null,
  minimum_payment bigint not null check (minimum_payment >= 0),
  instalments_not_yet_billed bigint not null check (instalments_not_yet_billed >= 0),
  -- The instalments billed on it: [{planId, period, term, principal, fee}], amounts as fen strings.
  instalments jsonb not null default '[]'::jsonb,
  created_at timestamptz not null,
  primary key (customer_id, line_id, seq),
  unique (customer_id, line_id, statement_date),
  foreign key (customer_id, line_id) references credit_lines (customer_id, id),
  check (due_date > statement_date and period_end < statement_date and period_start <= period_end),
  check (closing_balance = opening_balance + purchases - refunds - payments + fees + interest
                           + instalment_principal - converted)
);

create trigger credit_line_statements_append_only before update or delete on credit_line_statements
  for each row execute function ledger_refuse_change();
