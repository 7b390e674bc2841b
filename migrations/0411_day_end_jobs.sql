-- The day-end as jobs (issue 16, item 4): a run of the batch through a date, split into partitions by a hash
-- of the customer id, each partition one job on the queue (pg-boss on PostgreSQL, in process on PGlite).
-- Exactly once per (account, date) stays where it was: each account's own watermark, re-checked under its
-- row lock (0404's comment). These two tables only say what a run is, how far each partition got (for the
-- progress in the CLI and the API, and so a retried partition starts at its first unfinished date) and
-- which dates every partition has finished (then `day_end_runs` marks the date completed).
-- Global: a run covers every customer (listed in distribution.ts).

create table day_end_jobs (
  id text primary key,
  through date not null,
  partitions integer not null check (partitions between 1 and 1024),
  chunk_size integer not null check (chunk_size between 1 and 10000),
  -- Each product's first date in this run ({"cash-loan": "2026-01-02", …}), fixed when the run is made.
  starts jsonb not null,
  status text not null check (status in ('running', 'finishing', 'completed')),
  -- Every partition finished every date up to here (null: none yet).
  completed_through date,
  created_at timestamptz not null,
  finished_at timestamptz
);

create table day_end_job_parts (
  job_id text not null references day_end_jobs (id),
  part integer not null check (part >= 0),
  status text not null check (status in ('queued', 'running', 'completed')),
  -- The last date this partition finished (every step of it); null before its first.
  date_done date,
  -- The step it is in: product and date, items found behind in it and advanced so far.
  step_product text,
  step_date date,
  step_total integer not null default 0 check (step_total >= 0),
  step_done integer not null default 0 check (step_done >= 0),
  -- Items advanced by this partition over the whole run, counted in the chunk's own transaction.
  items_done bigint not null default 0 check (items_done >= 0),
  attempts integer not null default 0 check (attempts >= 0),
  worker text,
  -- The queue's id of the job that owns the partition now: a job that is not it stops (taken over).
  queue_job text,
  -- The owning job's heartbeat (every few seconds while it runs): silent too long, it is taken over.
  updated_at timestamptz not null,
  primary key (job_id, part)
);
