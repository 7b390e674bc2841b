-- A decision's evidence (facts, scorecard row, policy document and output, trace: ~10 KB a decision) is
-- compressed when the row is stored. lz4 costs about 40% of pglz's CPU for these documents (measured on
-- PostgreSQL 15: 84 → 34 µs a row of 8 KB JSON), and decisions are written on every request. Servers built
-- without lz4 — PGlite among them — keep the default (pglz): the same schema, a different codec underneath.
-- Only rows written from now on are affected; stored rows read as before.
do $$
begin
  if exists (
    select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)
  ) then
    alter table decisions
      alter column facts set compression lz4,
      alter column scorecard_row set compression lz4,
      alter column policy_document set compression lz4,
      alter column policy_output set compression lz4,
      alter column trace set compression lz4;
  end if;
end $$;
