-- Backtests resumable after a crash (issue 17): a run keeps, with its progress, a checkpoint — the run's
-- date and window, the last decision it folded (decision_date, id) and the fold so far — so a run whose
-- process died goes on from there when a process takes it over (the start-up recovery pass, or a reader
-- of the run once it has been silent long enough). Each take-over counts an attempt; after a few the run
-- fails rather than killing process after process. A finished run's checkpoint is dropped.
-- The column, then its check by name (the name PostgreSQL gives an inline check): Citus refuses a column
-- added with an unnamed constraint on a distributed or reference table (docs/citus.md).
alter table model_backtests add column attempts integer not null default 0;
alter table model_backtests add constraint model_backtests_attempts_check check (attempts >= 0);
alter table model_backtests add column checkpoint jsonb;
create index model_backtests_unfinished on model_backtests (created_at) where status in ('queued', 'running');
