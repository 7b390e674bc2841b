-- Hardship tools on credit lines (issue 15, item 4 for lines; built so far: the goodwill waiver of interest,
-- instalment fees and late fees). As for cash loans (0420): each is a request with reasons, made by staff and —
-- above the money effect the lender's hardship rules name (`loan_hardship_rules.secondPersonAbove`, one
-- threshold for both products) — approved by a second person. Carrying one out appends a `hardship` line event
-- (never an edit): the line's books are the replay of its events (line-servicing.ts, `replayLine`), the
-- difference booked as balanced journals. See docs/credit-lines.md, "Hardship tools".

-- 1. The event: `ref_id` is the request it carries out, `detail` the change (amounts in fen as strings).
alter table credit_line_events drop constraint credit_line_events_kind_check;
alter table credit_line_events
  add constraint credit_line_events_kind_check
    check (kind in ('purchase', 'refund', 'payment', 'conversion', 'payout', 'plan-settlement', 'reversal',
                    'write-off', 'hardship'));
-- A request is carried out once (customer_id leads: the distribution rule).
create unique index credit_line_events_one_per_hardship_request on credit_line_events (customer_id, ref_id)
  where kind = 'hardship';

-- 2. A waiver lowers the next statement's closing balance (`waivers`: interest, late fees and instalment fees
--    waived in the cycle, billed or not):
--   closing = opening + purchases − refunds − payments + payouts + reversals − waivers + fees + late_fees
--             + interest + instalment principal − converted.
-- Existing rows get 0, so the identity they were checked against is unchanged for them. Column first, then its
-- named check (Citus refuses ADD COLUMN with an inline constraint on a distributed table).
alter table credit_line_statements
  add column waivers bigint not null default 0;
alter table credit_line_statements
  add constraint credit_line_statements_waivers_non_negative check (waivers >= 0);
alter table credit_line_statements drop constraint credit_line_statements_closing_balance;
alter table credit_line_statements
  add constraint credit_line_statements_closing_balance check (
    closing_balance = opening_balance + purchases - refunds - payments + payouts + reversals - waivers + fees
                      + late_fees + interest + instalment_principal - converted);

-- 3. The requests.
create table credit_line_hardship_requests (
  customer_id text not null,
  id text not null,
  line_id text not null,
  tool text not null check (tool in ('waiver')),
  -- What staff asked for (amounts in fen as strings); checked again, on that day's line, when applied.
  ask jsonb not null check (jsonb_typeof(ask) = 'object'),
  -- The money effect when proposed (what the second-person threshold was compared with), in fen.
  money_effect bigint not null check (money_effect >= 0),
  -- [{ "code": "...", "note": "..." }, ...], one to five.
  reasons jsonb not null check (
    jsonb_typeof(reasons) = 'array' and jsonb_array_length(reasons) between 1 and 5),
  maker_key_id text not null,
  maker_name text not null,
  needs_second_person boolean not null,
  status text not null check (status in ('pending', 'applied', 'rejected')),
  checker_key_id text,
  checker_name text,
  decision_note text,
  -- The line event that carried it out (applied only).
  event_seq integer,
  proposed_on date not null,
  proposed_at timestamptz not null,
  decided_at timestamptz,
  primary key (customer_id, id),
  foreign key (customer_id, line_id) references credit_lines (customer_id, id),
  constraint credit_line_hardship_requests_decided check ((status = 'pending') = (decided_at is null)),
  constraint credit_line_hardship_requests_applied_event check ((status = 'applied') = (event_seq is not null)),
  constraint credit_line_hardship_requests_event_fk
    foreign key (customer_id, line_id, event_seq) references credit_line_events (customer_id, line_id, seq)
);

create index credit_line_hardship_requests_by_line
  on credit_line_hardship_requests (customer_id, line_id, proposed_at);
-- The API's approve/reject paths carry the line and the request id; not unique, so distributable.
create index credit_line_hardship_requests_by_id on credit_line_hardship_requests (id);
create index credit_line_hardship_requests_pending on credit_line_hardship_requests (proposed_at)
  where status = 'pending';

-- What was asked never changes; a pending request is decided once (applied or rejected), and a decided one is
-- final. Nothing is deleted.
create function credit_line_hardship_request_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception using errcode = '55000',
      message = format('credit_line_hardship_requests keeps every request: %s is refused', tg_op);
  end if;
  if old.status <> 'pending' then
    raise exception using errcode = '55000',
      message = format('hardship request %s is %s: a decided request is final', old.id, old.status);
  end if;
  if (new.customer_id, new.id, new.line_id, new.tool, new.ask, new.money_effect, new.reasons,
      new.maker_key_id, new.maker_name, new.needs_second_person, new.proposed_on, new.proposed_at)
     is distinct from
     (old.customer_id, old.id, old.line_id, old.tool, old.ask, old.money_effect, old.reasons,
      old.maker_key_id, old.maker_name, old.needs_second_person, old.proposed_on, old.proposed_at) then
    raise exception using errcode = '55000',
      message = format('hardship request %s: what was asked cannot be changed', old.id);
  end if;
  return new;
end $$;

create trigger credit_line_hardship_requests_guard before update or delete on credit_line_hardship_requests
  for each row execute function credit_line_hardship_request_guard();
create trigger credit_line_hardship_requests_no_truncate before truncate on credit_line_hardship_requests
  for each statement execute function audit_refuse_change(
    'a credit line''s hardship requests are part of its audit trail');
