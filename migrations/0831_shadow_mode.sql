-- Shadow mode (issue 17 item 4): a challenger policy and/or scorecard model runs beside the champion on
-- live decisions without acting. The assignment of a product names it, with the share of decisions it
-- sees (basis points, a stable split by customer id) and the last day it runs (null: until the next
-- assignment). Dated like the rest of the assignment: a change is a new dated entry through four-eyes.
alter table policy_assignments
  add column shadow_policy text,
  add column shadow_model text check (shadow_model is null or shadow_model ~ '^[A-Za-z0-9._-]{1,64}$'),
  add column shadow_share_bps integer not null default 0 check (shadow_share_bps between 0 and 10000),
  add column shadow_until date,
  add constraint policy_assignments_shadow_named
    check (shadow_share_bps = 0 or shadow_policy is not null or shadow_model is not null),
  add constraint policy_assignments_shadow_until check (shadow_until is null or shadow_until >= effective_from);

-- What the shadow would have decided, beside the champion's decision it shadows (one row per decision,
-- written after the decision committed; the decision itself is never changed). The champion's headline
-- is copied so that the comparison reads one table; a shadow that failed keeps its error instead of an
-- outcome. A customer's table: customer_id leads the key and the foreign key.
create table shadow_decisions (
  customer_id text not null,
  decision_id text not null,
  kind text not null check (kind ~ '^[a-z][a-z_]{0,31}$'),
  product_code text not null check (product_code ~ '^[a-z][a-z0-9_]{1,39}$'),
  decision_date date not null,
  decided_at timestamptz not null,
  -- The champion (what the customer got).
  champion_outcome text not null check (champion_outcome in ('approved', 'declined', 'referred')),
  champion_limit bigint not null check (champion_limit >= 0),
  champion_apr text check (champion_apr is null or champion_apr ~ '^\d+(\.\d+)?$'),
  champion_score integer,
  champion_pd double precision,
  champion_reasons jsonb not null,
  champion_policy_version_id text,
  champion_model_version text,
  -- The shadow: what ran, and what it would have decided (null outcome: it failed, see error).
  shadow_policy_version_id text,
  shadow_policy_checksum text,
  shadow_model_version text,
  shadow_model_hash text,
  outcome text check (outcome is null or outcome in ('approved', 'declined', 'referred')),
  limit_amount bigint check (limit_amount is null or limit_amount >= 0),
  apr text check (apr is null or apr ~ '^\d+(\.\d+)?$'),
  daily_rate text check (daily_rate is null or daily_rate ~ '^\d+(\.\d+)?$'),
  score integer,
  pd double precision,
  reasons jsonb,
  error jsonb,
  elapsed_ms double precision not null check (elapsed_ms >= 0),
  recorded_at timestamptz not null,
  primary key (customer_id, decision_id),
  foreign key (customer_id, decision_id) references decisions (customer_id, id),
  check ((outcome is null) <> (error is null))
);

-- Monitoring reads a window of business dates in (decision_date, decision_id) order, as it reads decisions.
create index shadow_decisions_by_date on shadow_decisions (decision_date, decision_id);

-- A shadow result is evidence like the decision beside it: written once.
create function shadow_decisions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'shadow_decisions is append-only (% refused)', tg_op using errcode = '55000';
end;
$$;
create trigger shadow_decisions_no_update before update or delete on shadow_decisions
  for each row execute function shadow_decisions_append_only();
