-- Credit facilities (issue 6): a customer's approved limit per product, the source of "available credit".
-- Opened and adjusted by approved decisions, frozen or suspended on risk. Cash loans and credit lines draw
-- on them; every drawdown locks the facility row (SELECT … FOR UPDATE) and checks the limit.

create table credit_facilities (
  customer_id text not null,
  id text not null,
  product text not null check (product in ('cash-loan', 'credit-line')),
  status text not null check (status in ('active', 'frozen', 'suspended', 'closed')),
  limit_amount bigint not null check (limit_amount >= 0),
  -- Principal drawn and not yet repaid (written-off principal stays used: the limit is not restored).
  used_amount bigint not null default 0 check (used_amount >= 0),
  apr_num bigint not null check (apr_num >= 0),
  apr_den bigint not null check (apr_den > 0),
  decision_id text not null,
  status_reason text,
  version integer not null check (version >= 1),
  opened_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, id),
  unique (customer_id, product)
);

-- The database's own guard against over-limit drawdowns: utilisation may only grow within the limit and
-- while the facility is active. (A limit may be lowered below what is used; available credit is then 0.)
create function credit_facility_guard() returns trigger language plpgsql as $$
begin
  if new.used_amount > old.used_amount and (new.used_amount > new.limit_amount or new.status <> 'active') then
    raise exception using errcode = '23514',
      message = format('credit facility %s: drawing %s would exceed the limit %s or the facility is %s',
                       new.id, new.used_amount - old.used_amount, new.limit_amount, new.status);
  end if;
  return new;
end $$;

create trigger credit_facilities_guard before update on credit_facilities
  for each row execute function credit_facility_guard();

-- Every change of a facility, in order: what changed, why, and on which decision (append-only).
create table credit_facility_changes (
  customer_id text not null,
  facility_id text not null,
  version integer not null check (version >= 1),
  change text not null check (change in ('open', 'adjust', 'freeze', 'suspend', 'reactivate', 'close')),
  decision_id text,
  limit_amount bigint not null,
  apr_num bigint not null,
  apr_den bigint not null,
  status text not null,
  reason text,
  changed_at timestamptz not null,
  primary key (customer_id, facility_id, version),
  foreign key (customer_id, facility_id) references credit_facilities (customer_id, id)
);

create trigger credit_facility_changes_append_only before update or delete on credit_facility_changes
  for each row execute function ledger_refuse_change();
