-- Reversals of repayments (issue 15, item 5): a repayment returned by the payer's bank or charged back is
-- undone by a `reversal` event naming it (`reverses`, its seq) and why (`reason`). The loan's books are then
-- restated as if the repayment had never been received (src/lending/loans/servicing.ts, `standingEvents`);
-- nothing recorded is changed or removed — the repayment row stays, the reversal is a row of its own.
alter table loan_events add column reverses integer;
alter table loan_events add column reason text;

alter table loan_events drop constraint loan_events_kind_check;
alter table loan_events add constraint loan_events_kind_check
  check (kind in ('repayment', 'write-off', 'payout', 'reversal'));
alter table loan_events add constraint loan_events_reversal_fields
  check (
    (kind = 'reversal') = (reverses is not null)
    and (kind = 'reversal') = (reason is not null)
    and (kind <> 'reversal' or (amount is null and intent is null and reverses < seq))
  );
alter table loan_events add constraint loan_events_reversal_reason
  check (reason is null or reason in ('returned', 'chargeback'));
-- The event reversed is one of the same loan's (a repayment: checked by the use case, which holds the lock).
alter table loan_events add constraint loan_events_reverses_fk
  foreign key (customer_id, loan_id, reverses) references loan_events (customer_id, loan_id, seq);
-- A repayment is reversed at most once (customer_id leads: the distribution rule).
create unique index loan_events_one_reversal on loan_events (customer_id, loan_id, reverses)
  where kind = 'reversal';
