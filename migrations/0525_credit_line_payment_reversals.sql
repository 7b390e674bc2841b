-- Reversals of credit-line payments (issue 15, item 5): a payment returned by the payer's bank or charged back
-- is undone by a `reversal` event naming it (`reverses`, its seq) and why (`reason`); `amount` repeats the
-- payment's. The line's books are restated as if the payment had never been made (line-servicing.ts,
-- `replayLine`); nothing recorded is changed or removed — the payment row stays, the reversal is a row of its own.
alter table credit_line_events add column reverses integer;
alter table credit_line_events add column reason text;

alter table credit_line_events drop constraint credit_line_events_kind_check;
alter table credit_line_events
  add constraint credit_line_events_kind_check
    check (kind in ('purchase', 'refund', 'payment', 'conversion', 'payout', 'plan-settlement', 'reversal'));

alter table credit_line_events drop constraint credit_line_events_reference;
alter table credit_line_events
  add constraint credit_line_events_reference check ((kind in ('payment', 'payout', 'reversal')) = (ref_id is null));

alter table credit_line_events
  add constraint credit_line_events_reversal_fields check (
    (kind = 'reversal') = (reverses is not null)
    and (kind = 'reversal') = (reason is not null)
    and (kind <> 'reversal' or reverses < seq));
alter table credit_line_events
  add constraint credit_line_events_reversal_reason check (reason is null or reason in ('returned', 'chargeback'));
-- The event reversed is one of the same line's (a payment: checked by the use case, which holds the lock).
alter table credit_line_events
  add constraint credit_line_events_reverses_fk
    foreign key (customer_id, line_id, reverses) references credit_line_events (customer_id, line_id, seq);
-- A payment is reversed at most once (customer_id leads: the distribution rule).
create unique index credit_line_events_one_reversal on credit_line_events (customer_id, line_id, reverses)
  where kind = 'reversal';

-- Statements already sent never change: a payment reversed after a statement showed it — and what restating
-- the books without it changed on statements already sent (interest that lost its grace, late fees) — is
-- carried to the next statement as `reversals`, which raises its closing balance:
--   closing = opening + purchases − refunds − payments + payouts + reversals + fees + late_fees + interest
--             + instalment principal − converted.
-- Existing rows get 0, so the identity they were checked against is unchanged for them.
alter table credit_line_statements
  add column reversals bigint not null default 0;

alter table credit_line_statements drop constraint credit_line_statements_closing_balance;
alter table credit_line_statements
  add constraint credit_line_statements_closing_balance check (
    closing_balance = opening_balance + purchases - refunds - payments + payouts + reversals + fees + late_fees
                      + interest + instalment_principal - converted);

-- A reversal puts back the principal the payment had repaid: the facility's `used` rises again, whatever the
-- limit or status (the customer owes it; it is not new spending). The guard lets `used` rise beyond the limit,
-- or on a facility that is not active, only by the amount `restored_amount` (principal restored by reversals,
-- cumulative) rises in the same update; every other increase is still a drawing and still guarded.
alter table credit_facilities
  add column restored_amount bigint not null default 0;
alter table credit_facilities
  add constraint credit_facilities_restored_non_negative check (restored_amount >= 0);

create or replace function credit_facility_guard() returns trigger language plpgsql as $$
begin
  if new.used_amount > old.used_amount
     and new.used_amount - old.used_amount > new.restored_amount - old.restored_amount
     and (new.used_amount > new.limit_amount + new.temporary_amount or new.status <> 'active') then
    raise exception using errcode = '23514',
      message = format('credit facility %s: drawing %s would exceed the limit %s (temporary %s) or the facility is %s',
                       new.id, new.used_amount - old.used_amount, new.limit_amount, new.temporary_amount,
                       new.status);
  end if;
  if new.restored_amount < old.restored_amount then
    raise exception using errcode = '23514',
      message = format('credit facility %s: restored_amount only grows', new.id);
  end if;
  return new;
end $$;
