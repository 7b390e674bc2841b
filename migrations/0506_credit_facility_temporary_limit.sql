-- A temporary limit (临时额度, issue 15 item 6): staff grant a credit-line facility an extra amount until a date.
-- Available credit is limit + temporary_amount − used while it runs; the day-end step of the first date after
-- temporary_until sets it back to 0 (idempotent: a rerun finds nothing to expire). What was drawn above the
-- permanent limit stays owed; no new drawing until used is under the limit again.
--
-- The database's guard against over-limit drawing (0402's credit_facility_guard) counts the temporary amount.

-- Columns first, then their named checks: Citus refuses ADD COLUMN with an inline constraint on a table it
-- has already distributed (an install upgraded after `credence migrate` placed the tables).
alter table credit_facilities
  add column temporary_amount bigint not null default 0,
  add column temporary_until date;

alter table credit_facilities
  add constraint credit_facilities_temporary_non_negative check (temporary_amount >= 0);

alter table credit_facilities
  add constraint credit_facilities_temporary_whole check ((temporary_amount = 0) = (temporary_until is null));

create or replace function credit_facility_guard() returns trigger language plpgsql as $$
begin
  if new.used_amount > old.used_amount
     and (new.used_amount > new.limit_amount + new.temporary_amount or new.status <> 'active') then
    raise exception using errcode = '23514',
      message = format('credit facility %s: drawing %s would exceed the limit %s (temporary %s) or the facility is %s',
                       new.id, new.used_amount - old.used_amount, new.limit_amount, new.temporary_amount,
                       new.status);
  end if;
  return new;
end $$;
