-- Hardship tools for a borrower in trouble (issue 15, item 4): reschedule, re-age, payment holiday, waiver
-- and settlement for less, each a request with reasons, made by staff and — above a configurable money
-- effect — approved by a second person. Applying one appends a `hardship` loan event (never an edit): the
-- loan's books are `replay` of its events (src/lending/loans/servicing.ts), the difference booked as one
-- balanced journal. See docs/lending.md, "Hardship tools".

alter table loan_events add column hardship_request_id text;
alter table loan_events add column hardship jsonb;
alter table loan_events drop constraint loan_events_kind_check;
alter table loan_events add constraint loan_events_kind_check
  check (kind in ('repayment', 'write-off', 'payout', 'reversal', 'hardship'));
alter table loan_events add constraint loan_events_hardship_fields
  check (
    (kind = 'hardship') = (hardship is not null)
    and (kind = 'hardship') = (hardship_request_id is not null)
    and (kind <> 'hardship' or (amount is null and intent is null and reverses is null))
  );
-- A request is carried out once (customer_id leads: the distribution rule).
create unique index loan_events_one_per_hardship_request on loan_events (customer_id, hardship_request_id)
  where kind = 'hardship';

create table loan_hardship_requests (
  customer_id text not null,
  id text not null,
  loan_id text not null,
  tool text not null check (tool in ('reschedule', 're-age', 'holiday', 'waiver', 'settlement')),
  -- What staff asked for (amounts in fen as strings); checked again, on that day's loan, when applied.
  ask jsonb not null check (jsonb_typeof(ask) = 'object'),
  -- The money effect when proposed (what the second-person threshold was compared with), in fen.
  money_effect bigint not null check (money_effect >= 0),
  -- [{ "code": "...", "note": "..." }, ...], at least one.
  reasons jsonb not null check (jsonb_typeof(reasons) = 'array' and jsonb_array_length(reasons) >= 1),
  maker_key_id text not null,
  maker_name text not null,
  needs_second_person boolean not null,
  status text not null check (status in ('pending', 'applied', 'rejected')),
  checker_key_id text,
  checker_name text,
  decision_note text,
  -- The loan event that carried it out (applied only).
  event_seq integer,
  proposed_on date not null,
  proposed_at timestamptz not null,
  decided_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, loan_id) references loans (customer_id, id),
  constraint loan_hardship_requests_decided check ((status = 'pending') = (decided_at is null)),
  constraint loan_hardship_requests_applied_event check ((status = 'applied') = (event_seq is not null))
);

create index loan_hardship_requests_by_loan on loan_hardship_requests (customer_id, loan_id, proposed_at);
-- The API's paths carry the request id alone; not unique, so distributable.
create index loan_hardship_requests_by_id on loan_hardship_requests (id);

alter table loan_events add constraint loan_events_hardship_request_fk
  foreign key (customer_id, hardship_request_id) references loan_hardship_requests (customer_id, id);

-- What was asked never changes; a pending request is decided once (applied or rejected), and a decided one
-- is final. Nothing is deleted.
create function loan_hardship_request_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('loan_hardship_requests keeps every request: %s is refused', tg_op);
  end if;
  if old.status <> 'pending' then
    raise exception using errcode = '55000',
      message = format('hardship request %s is %s: a decided request is final', old.id, old.status);
  end if;
  if (new.customer_id, new.id, new.loan_id, new.tool, new.ask, new.money_effect, new.reasons,
      new.maker_key_id, new.maker_name, new.needs_second_person, new.proposed_on, new.proposed_at)
     is distinct from
     (old.customer_id, old.id, old.loan_id, old.tool, old.ask, old.money_effect, old.reasons,
      old.maker_key_id, old.maker_name, old.needs_second_person, old.proposed_on, old.proposed_at) then
    raise exception using errcode = '55000',
      message = format('hardship request %s: what was asked cannot be changed', old.id);
  end if;
  return new;
end $$;

create trigger loan_hardship_requests_guard before update or delete on loan_hardship_requests
  for each row execute function loan_hardship_request_guard();
create trigger loan_hardship_requests_no_truncate before truncate on loan_hardship_requests
  for each statement execute function audit_refuse_change(
    'a loan''s hardship requests are part of its audit trail');

-- The rules in force from a date (the lender's, for every customer): the second-person threshold and each
-- tool's limits. A date's rules are written once; later rules get a later date. None: the defaults in
-- src/lending/loans/hardship.ts (a second person above CNY 1,000.00, …).
create table loan_hardship_rules (
  effective_from date primary key,
  rules jsonb not null check (jsonb_typeof(rules) = 'object'),
  recorded_by text not null,
  recorded_at timestamptz not null
);

create trigger loan_hardship_rules_append_only before update or delete on loan_hardship_rules
  for each row execute function ledger_refuse_change();
