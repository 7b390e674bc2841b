-- Credit decisions (issue 5): one row per decision, append-only. Each row holds everything needed to show
-- the decision and to prove later why it came out as it did: the facts it was made on (the customer
-- snapshot as of the decision instant, frozen), the scorecard row and the model's version and content hash,
-- the policy version, its champion/challenger arm, the policy document and the rule trace (every node and
-- matched row), the legal cap applied, the outputs, the ranked reasons and the recourse plan.
-- `POST /v1/decisions/{id}/replay` recomputes from these columns alone.
--
-- Distribution rule: customer_id leads the primary key and the foreign key; the look-up by decision id is
-- a plain index (an id is unique by construction: prefixed ULID from the IdGenerator).

create table decisions (
  customer_id text not null references customers (customer_id),
  id text not null check (id ~ '^dec_[0-9A-HJKMNP-TV-Z]{26}$'),
  -- application (a customer asked), limit_review, recheck (an appeal re-runs it), override (a person
  -- decided on an appeal): other contexts add their kinds in code; the column only checks the shape.
  kind text not null check (kind ~ '^[a-z][a-z_]{0,31}$'),
  -- The appeal, review or earlier decision this one belongs to, when there is one.
  linked_to text check (linked_to is null or length(linked_to) between 1 and 64),
  product_code text not null check (product_code ~ '^[a-z][a-z0-9_]{1,39}$'),
  product_type text check (product_type in ('credit_line', 'cash_loan')),
  outcome text not null check (outcome in ('approved', 'declined', 'referred')),
  limit_amount bigint not null check (limit_amount >= 0),
  requested_amount bigint check (requested_amount > 0),
  -- Exact decimal strings (the price after the legal cap, and APR / 365); null when nothing was priced.
  apr text check (apr is null or apr ~ '^\d+(\.\d+)?$'),
  daily_rate text check (daily_rate is null or daily_rate ~ '^\d+(\.\d+)?$'),
  score integer check (score is null or score between 0 and 1000),
  pd double precision,
  sub_scores jsonb,
  reasons jsonb not null,
  recourse jsonb,
  policy_version_id text,
  policy_checksum text,
  arm text check (arm is null or arm in ('champion', 'challenger')),
  model_version text,
  model_hash text,
  legal_cap jsonb,
  -- The replay inputs and evidence, stored verbatim (json, not jsonb: written once, read rarely, and
  -- re-parsed exactly as written).
  facts json,
  scorecard_row json,
  policy_document json,
  policy_output json,
  trace json,
  -- When a dependency failed: which stage, and what it said (no personal data).
  fault jsonb,
  -- A person's decision on an appeal: who, why, and which decision it overrides.
  override jsonb,
  -- What an approval did to the customer's facility: opened, adjusted, unchanged.
  facility_change text check (facility_change is null or facility_change in ('opened', 'adjusted', 'unchanged')),
  decided_at timestamptz not null,
  decision_date date not null,
  primary key (customer_id, id),
  check (outcome <> 'declined' or limit_amount = 0)
);

create index decisions_by_id on decisions (id);
create index decisions_by_customer on decisions (customer_id, decided_at desc, id desc);

-- Decisions are evidence: once written they never change. Corrections are new decisions that link back.
create function decisions_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception using errcode = '55000', message = 'decisions are append-only: record a new decision instead';
end $$;

create trigger decisions_append_only before update or delete on decisions
  for each row execute function decisions_refuse_change();
