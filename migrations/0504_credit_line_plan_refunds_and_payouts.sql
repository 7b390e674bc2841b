-- Credit lines: a refund of a converted purchase goes to its instalment plan first, and money held for the
-- customer can be paid out.
--
-- 1. Statements show the refunds that took principal off plans' instalments not yet billed apart from the
--    refunds credited to the balance: instalment_refunds lowers instalments_not_yet_billed, not the closing
--    balance (the merchant's refunds in the cycle are refunds + instalment_refunds).
-- 2. A payout of money held is a line event (kind 'payout', no reference, like a payment) and a statement
--    figure, payouts, that raises the closing balance (money held is a credit in it):
--    closing = opening + purchases − refunds − payments + payouts + fees + interest + instalment principal
--              − converted.
-- Existing rows get 0 for both figures, so the old identity is the new one for them.

alter table credit_line_statements
  add column instalment_refunds bigint not null default 0 check (instalment_refunds >= 0),
  add column payouts bigint not null default 0 check (payouts >= 0);

alter table credit_line_statements drop constraint credit_line_statements_check1;

alter table credit_line_statements
  add constraint credit_line_statements_closing_balance check (
    closing_balance = opening_balance + purchases - refunds - payments + payouts + fees + interest
                      + instalment_principal - converted);

alter table credit_line_events drop constraint credit_line_events_kind_check;
alter table credit_line_events drop constraint credit_line_events_check;

alter table credit_line_events
  add constraint credit_line_events_kind_check
    check (kind in ('purchase', 'refund', 'payment', 'conversion', 'payout')),
  add constraint credit_line_events_reference check ((kind in ('payment', 'payout')) = (ref_id is null));
