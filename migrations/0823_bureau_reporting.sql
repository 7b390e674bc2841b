-- Reporting to the credit bureau (issue 17): monthly runs, the records each run reported or held, and the
-- advance notices of negative information. Layout of the file: docs/bureau.md ("Monthly file").

-- One run per reporting month (global: a run covers every customer). Idempotent per month: a month reported
-- is not built again; a run that failed half-way is resumed by running it again.
create table bureau_report_runs (
  month text primary key check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  layout_version text not null,
  month_end date not null,
  status text not null check (status in ('running', 'reported')),
  started_at timestamptz not null,
  finished_at timestamptz,
  file_name text,
  file_sha256 text check (file_sha256 ~ '^[0-9a-f]{64}$'),
  records integer check (records >= 0),
  held integer check (held >= 0),
  without_consent integer check (without_consent >= 0)
);

-- What the run decided for each account: reported (with the figures reported) or held (negative information
-- whose advance notice period has not passed), or left out (no reporting consent in force).
create table bureau_report_records (
  customer_id text not null references customers (customer_id),
  month text not null,
  account_id text not null,
  account_type text not null check (account_type in ('loan', 'line')),
  disposition text not null check (disposition in ('reported', 'held', 'no_consent')),
  account_status text not null,
  balance bigint not null,
  overdue_amount bigint not null check (overdue_amount >= 0),
  days_past_due integer not null check (days_past_due >= 0),
  -- The advance notice it relied on (negative records) or is waiting for (held).
  notice_occasion text,
  primary key (customer_id, month, account_id)
);
create index bureau_report_records_by_month on bureau_report_records (month);

-- Advance notices of negative information: one per account and overdue episode (the first unpaid due date),
-- sent through the customer's messages; negative information about that episode may be reported from
-- `report_not_before` (notified + the notice period, a setting).
create table bureau_negative_notices (
  customer_id text not null references customers (customer_id),
  account_id text not null,
  -- The overdue episode: the due date of the oldest unpaid instalment when the notice was sent.
  overdue_since date not null,
  overdue_amount bigint not null check (overdue_amount > 0),
  notified_at timestamptz not null,
  report_not_before date not null,
  notice_days integer not null check (notice_days >= 0),
  primary key (customer_id, account_id, overdue_since)
);

create function bureau_reporting_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = '55000';
end
$$;
create trigger bureau_report_records_no_change before update or delete on bureau_report_records
  for each row execute function bureau_reporting_append_only();
create trigger bureau_negative_notices_no_change before update or delete on bureau_negative_notices
  for each row execute function bureau_reporting_append_only();
