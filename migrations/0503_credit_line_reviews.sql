-- Credit-line limit reviews (issue 7): monthly after each statement's due date, and on demand. A review
-- asks the decisions context for a decision of kind limit_review (the same policy, scorecard and record as
-- an application, replayable) and applies its outcome to the facility: raise or lower the limit
-- (openOrAdjustFacility with the decision id) or freeze it. One row per review, keyed by what triggered it
-- ('cycle:<statement seq>' or 'on-demand:<idempotency key>'), so each is carried out once; a row stays
-- 'pending' until its decision is applied, so a crash between deciding and applying is finished on rerun.

create table credit_line_reviews (
  customer_id text not null,
  id text not null,
  line_id text not null,
  review_key text not null check (length(review_key) between 1 and 220),
  trigger text not null check (trigger in ('monthly', 'on-demand')),
  status text not null check (status in ('pending', 'applied')),
  decision_id text,
  outcome text check (outcome in ('approved', 'declined', 'referred')),
  action text check (action in ('raised', 'lowered', 'unchanged', 'frozen', 'reactivated', 'none')),
  limit_before bigint,
  limit_after bigint,
  facility_status_before text,
  facility_status_after text,
  on_time_cycles integer,
  reasons jsonb,
  message jsonb,
  requested_at timestamptz not null,
  applied_at timestamptz,
  primary key (customer_id, id),
  unique (customer_id, line_id, review_key),
  foreign key (customer_id, line_id) references credit_lines (customer_id, id),
  check ((status = 'applied') = (action is not null and decision_id is not null and applied_at is not null))
);

create index credit_line_reviews_by_id on credit_line_reviews (id);

-- The seq of the line's latest statement whose due date has passed (0: none yet): the batch reviews each
-- line once per such statement.
alter table credit_lines add column last_due_seq integer not null default 0 check (last_due_seq >= 0);
