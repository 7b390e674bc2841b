-- The day-end at scale (issue 16, item 4).
--
-- 1. A partition of a day-end run now reads only its own customers: each step's listing filters by
--    `mod(hashtext(customer_id)::bigint & 4294967295, partitions) = part` in SQL (customer-partition.ts),
--    where it used to list every account behind and keep its own by FNV-1a computed in the worker. The two
--    hashes put a customer in different partitions, and a run's partitions must keep their customers until
--    the run ends (a partition resumes at the date after the last it finished, which holds only for the
--    customers it had). So each run records its hash: runs made before this migration keep 'fnv1a-32' (and
--    the worker's filter) to their end; every run made after is 'hashtext'.
-- 2. The run log's count of items advanced per (product, date) was one row of `day_end_runs` that every
--    chunk's transaction of every partition updated (each held its row lock until commit: the workers
--    queued on it). The counts now go to a row per slot — a partition's number, or a chunk's place among
--    those in flight in the one-process batch — added in the chunk's own transaction as before, and are
--    summed with `day_end_runs.items_processed` (what was counted before this migration, and what
--    `markCompleted` adds) when read. Global, like the run log: a run covers every customer.

-- The constraint is named apart from the column, as Citus wants (docs/citus.md, "Open").
alter table day_end_jobs add column partition_hash text not null default 'fnv1a-32';
alter table day_end_jobs add constraint day_end_jobs_partition_hash
  check (partition_hash in ('fnv1a-32', 'hashtext'));
alter table day_end_jobs alter column partition_hash set default 'hashtext';

create table day_end_run_counts (
  product text not null,
  business_date date not null,
  slot integer not null check (slot >= 0),
  items bigint not null default 0 check (items >= 0),
  -- No foreign key to day_end_runs: its TRUNCATE must reach its own guard (0408) rather than stop at the
  -- reference; `countProcessed` only counts for a (product, date) whose run row `markStarted` made first.
  primary key (product, business_date, slot)
);

-- Part of the run log (0408, 5.): a count is never erased or decreased, and keeps its key.
create function day_end_run_counts_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('day_end_run_counts is part of the batch''s run log: %s is refused', tg_op);
  end if;
  if (new.product, new.business_date, new.slot) is distinct from (old.product, old.business_date, old.slot) then
    raise exception using errcode = '55000',
      message = format('day_end_run_counts: the count of %s on %s keeps its product, date and slot',
                       old.product, old.business_date);
  end if;
  if new.items < old.items then
    raise exception using errcode = '55000',
      message = format('day_end_run_counts: the items processed by the run of %s on %s never decrease',
                       old.product, old.business_date);
  end if;
  return new;
end $$;

create trigger day_end_run_counts_guard before update or delete on day_end_run_counts
  for each row execute function day_end_run_counts_guard();
create trigger day_end_run_counts_no_truncate before truncate on day_end_run_counts
  for each statement execute function day_end_run_counts_guard();
