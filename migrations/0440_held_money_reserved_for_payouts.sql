-- Held money reserved while a pay-out waits for the provider (issue 15, item 5).
--
-- A pay-out of money held for the customer is booked only when the provider confirms it; until then the money
-- stayed held and free, so a due date (loan), a statement cut, a purchase or a write-off (line) could use it,
-- and the confirmed pay-out could not be booked any more. Now the request appends a `reserve` event (the amount,
-- the pay-out's id): reserved held money stays held (on the books, in the customer's copy) but the servicing
-- cores never use it. A confirmed pay-out is booked from its reservation (a `payout` event naming the pay-out);
-- a refused one appends a `release` event and the money is free again. Reserve and release move nothing on the
-- ledger. Each is recorded once per pay-out (customer_id leads every index: the distribution rule).

-- Cash loans: the pay-out's id in a column of its own.
alter table loan_events add column payout_id text
  constraint loan_events_payout_id check (payout_id ~ '^rfd_[0-9A-HJKMNP-TV-Z]{26}$');
alter table loan_events drop constraint loan_events_kind_check;
alter table loan_events add constraint loan_events_kind_check
  check (kind in ('repayment', 'write-off', 'payout', 'reversal', 'hardship', 'reserve', 'release'));
alter table loan_events add constraint loan_events_reservation_fields
  check (
    (kind not in ('reserve', 'release') or (amount is not null and payout_id is not null and intent is null))
    and (payout_id is null or kind in ('payout', 'reserve', 'release'))
  );
create unique index loan_events_once_per_payout on loan_events (customer_id, loan_id, payout_id, kind)
  where payout_id is not null;

-- Credit lines: 0541_credit_line_payout_reservations.sql (their events table is made by 0501, after this one).
