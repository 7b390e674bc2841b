-- A manual change of a facility's terms is an override (issue 12, item 1).
--
-- `PUT /v1/customers/{id}/facilities/{product}` used to write any limit and rate under any decision id. It
-- now records an override: it names an approved decision of the same customer and product, stays within
-- the product's range and the legal cap, carries reasons, and above a threshold waits for a second person.
-- The proposal is a row here; applying it writes the facility and a change of kind 'override' in the
-- facility's (append-only) history, naming the override, its reasons, its maker and its checker.

create table credit_facility_overrides (
  customer_id text not null,
  id text not null,
  product text not null check (product in ('cash-loan', 'credit-line')),
  decision_id text not null,
  limit_amount bigint not null check (limit_amount >= 0),
  apr_num bigint not null check (apr_num >= 0),
  apr_den bigint not null check (apr_den > 0),
  -- [{ "code": "...", "note": "..." }, ...], at least one.
  reasons jsonb not null check (jsonb_typeof(reasons) = 'array' and jsonb_array_length(reasons) >= 1),
  maker_key_id text not null,
  maker_name text not null,
  needs_second_person boolean not null,
  status text not null check (status in ('pending', 'applied', 'rejected')),
  checker_key_id text,
  checker_name text,
  decision_note text,
  -- The facility version the override wrote (applied only).
  facility_version integer,
  proposed_at timestamptz not null,
  decided_at timestamptz,
  primary key (customer_id, id),
  check ((status = 'pending') = (decided_at is null)),
  check (status <> 'applied' or facility_version is not null)
);

create index credit_facility_overrides_pending on credit_facility_overrides (customer_id, product)
  where status = 'pending';

-- What was proposed never changes; a pending override is decided once (applied or rejected), and a
-- decided one is final. Nothing is deleted.
create function credit_facility_override_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('credit_facility_overrides keeps every override: %s is refused', tg_op);
  end if;
  if old.status <> 'pending' then
    raise exception using errcode = '55000',
      message = format('facility override %s is %s: a decided override is final', old.id, old.status);
  end if;
  if (new.customer_id, new.id, new.product, new.decision_id, new.limit_amount, new.apr_num, new.apr_den,
      new.reasons, new.maker_key_id, new.maker_name, new.needs_second_person, new.proposed_at)
     is distinct from
     (old.customer_id, old.id, old.product, old.decision_id, old.limit_amount, old.apr_num, old.apr_den,
      old.reasons, old.maker_key_id, old.maker_name, old.needs_second_person, old.proposed_at) then
    raise exception using errcode = '55000',
      message = format('facility override %s: what was proposed cannot be changed', old.id);
  end if;
  return new;
end $$;

create trigger credit_facility_overrides_guard before update or delete on credit_facility_overrides
  for each row execute function credit_facility_override_guard();
create trigger credit_facility_overrides_no_truncate before truncate on credit_facility_overrides
  for each statement execute function audit_refuse_change(
    'a facility''s overrides are part of its audit trail');

-- The facility's history says when a change was an override, which one, and who made and checked it.
alter table credit_facility_changes drop constraint credit_facility_changes_change_check;
alter table credit_facility_changes add constraint credit_facility_changes_change_check
  check (change in ('open', 'adjust', 'freeze', 'suspend', 'reactivate', 'close', 'override'));
alter table credit_facility_changes add column override_id text;
alter table credit_facility_changes add column made_by text;
alter table credit_facility_changes add column checked_by text;
alter table credit_facility_changes add constraint credit_facility_changes_override_named
  check ((change = 'override') = (override_id is not null));
