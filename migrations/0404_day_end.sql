-- The day-end batch's run log (issue 6): one row per (product, business date). The exactly-once guarantee
-- per (item, date) lives in each item's own watermark (loans.processed_through); this table records which
-- dates completed, so skipped dates are found and caught up in order. Global: a run covers every customer.

create table day_end_runs (
  product text not null,
  business_date date not null,
  status text not null check (status in ('running', 'completed')),
  items_processed integer not null default 0 check (items_processed >= 0),
  started_at timestamptz not null,
  completed_at timestamptz,
  primary key (product, business_date)
);
