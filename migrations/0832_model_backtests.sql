-- Backtests of a candidate scorecard (issue 17 item 5): the candidate re-scores past applications from
-- their recorded point-in-time facts and is compared with the champion. A run is a job with progress
-- (done of total), written as it goes, so any instance can answer for it and a run whose process stopped
-- is seen as such (no progress written for a while). A lender's table, not a customer's: one run reads
-- every customer's decisions.
create table model_backtests (
  id text primary key check (id ~ '^bkt_[0-9A-HJKMNP-TV-Z]{26}$'),
  -- The candidate: a model of the registry (its version), with its content hash as run.
  model_version text not null,
  model_hash text not null,
  champion_version text,
  requested_by text not null,
  request jsonb not null,
  status text not null check (status in ('queued', 'running', 'done', 'failed')),
  done integer not null default 0 check (done >= 0),
  total integer not null default 0 check (total >= 0),
  report jsonb,
  error jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz
);
create index model_backtests_by_model on model_backtests (model_version, created_at);
