-- Credit lines, the missing operations (issue 15, item 6): closing a line, a customer-requested lower limit,
-- and the line's history of such changes.
--
-- 1. closed_on: the business date the line was closed (at zero balance, nothing held, no plan open). A closed
--    line accepts no purchase, refund, payment, payout or conversion; its statements, events and books stay.
-- 2. customer_limit_cap: the limit the customer asked for (lower than the one they had). A limit review never
--    sets the facility above it; it holds until the customer lifts it (null: no cap).
-- 3. credit_line_changes: what was done to a line besides money events, in order (append-only): close,
--    customer-limit, customer-limit-lifted, temporary-limit, temporary-limit-expired, statement-day; with who
--    asked ('customer', 'staff:<id>', 'key:<id>', 'system'), the reason in their words, and the figures.

-- Columns first, then their named checks: Citus refuses ADD COLUMN with an inline constraint on a table it
-- has already distributed (an install upgraded after `credence migrate` placed the tables).
alter table credit_lines
  add column closed_on date,
  add column customer_limit_cap bigint;

alter table credit_lines
  add constraint credit_lines_customer_limit_cap_positive check (customer_limit_cap > 0);

create table credit_line_changes (
  customer_id text not null,
  line_id text not null,
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('close', 'customer-limit', 'customer-limit-lifted', 'temporary-limit',
                                     'temporary-limit-expired', 'statement-day')),
  effective_date date not null,
  detail jsonb not null default '{}'::jsonb,
  requested_by text not null check (length(requested_by) between 1 and 200),
  reason text check (length(reason) between 1 and 500),
  created_at timestamptz not null,
  primary key (customer_id, line_id, seq),
  foreign key (customer_id, line_id) references credit_lines (customer_id, id)
);

create trigger credit_line_changes_append_only before update or delete on credit_line_changes
  for each row execute function ledger_refuse_change();
create trigger credit_line_changes_no_truncate before truncate on credit_line_changes
  for each statement execute function ledger_refuse_change();
