-- Snapshot support for decisions: a version of each customer's event history, and the lender's blocklist.
--
-- events_version counts the customer's stored events. The event store is append-only, so the count changes
-- exactly when an event is added — whichever process adds it, and whatever instant it carries (a back-dated
-- event too). The snapshot cache keeps a customer's decoded events with the version it read them at and
-- recomputes features for each as-of instant from them; one primary-key read of this column says whether
-- they are still all there is. A statement-level trigger keeps it: one update per customer per insert
-- statement, in the inserting transaction (so a reader never sees events without their version, or the
-- other way round).
alter table customers add column events_version bigint not null default 0;

update customers c
   set events_version = n.events
  from (select customer_id, count(*) as events from customer_events group by customer_id) n
 where c.customer_id = n.customer_id;

create function customer_events_count_versions() returns trigger language plpgsql as $$
begin
  update customers c
     set events_version = c.events_version + n.events
    from (select customer_id, count(*) as events from inserted group by customer_id) n
   where c.customer_id = n.customer_id;
  return null;
end
$$;

create trigger customer_events_version after insert on customer_events
  referencing new table as inserted
  for each statement execute function customer_events_count_versions();

-- The lender's blocklist: identifiers it will not lend to, by the blind index of an ID number, a phone or a
-- bank card (HMAC keyed per field, as the customers table stores them), never the identifier in clear; a
-- masked form is kept for people to recognise the entry. Entries are added and removed by an admin, each
-- with a reason; a removal keeps the row (who, when, why), so the list can be read as of any instant:
-- an entry is in force from added_at until removed_at. Global (not one customer's): an identifier can be
-- listed before any customer carries it, and matches every customer that does.
create table customer_blocklist (
  id text primary key check (id ~ '^blk_[0-9A-HJKMNP-TV-Z]{26}$'),
  kind text not null check (kind in ('id_number', 'phone', 'card')),
  blind_index text not null check (blind_index ~ '^[0-9a-f]{64}$'),
  masked text not null check (length(masked) between 1 and 32),
  reason text not null check (length(reason) between 1 and 500),
  added_by text not null check (length(added_by) between 1 and 128),
  added_at timestamptz not null,
  removed_at timestamptz,
  removed_by text check (removed_by is null or length(removed_by) between 1 and 128),
  removed_reason text check (removed_reason is null or length(removed_reason) between 1 and 500),
  check ((removed_at is null) = (removed_by is null) and (removed_at is null) = (removed_reason is null)),
  check (removed_at is null or removed_at >= added_at)
);
create index customer_blocklist_by_index on customer_blocklist (blind_index, kind);
-- One entry in force per identifier: listing it again while listed is refused by the use case (the same
-- reason twice would be noise), and this index makes the refusal race-free.
create unique index customer_blocklist_one_in_force on customer_blocklist (kind, blind_index)
  where removed_at is null;

-- Entries change only by being removed, once.
create function customer_blocklist_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'customer_blocklist keeps every entry (delete refused)' using errcode = '55000';
  end if;
  if old.removed_at is not null
     or (new.id, new.kind, new.blind_index, new.masked, new.reason, new.added_by, new.added_at)
        is distinct from (old.id, old.kind, old.blind_index, old.masked, old.reason, old.added_by, old.added_at) then
    raise exception 'a blocklist entry can only be removed, once' using errcode = '55000';
  end if;
  return new;
end
$$;
create trigger customer_blocklist_guard before update or delete on customer_blocklist
  for each row execute function customer_blocklist_guard();
