-- Late fees (违约金) on credit lines (issue 15 item 6): a product may charge one when a statement's minimum is
-- missed, within the all-in cost cap (line-late-fee.ts). Late fees charged in a cycle are billed on the next
-- statement: late_fees, which raises the closing balance like fees and interest:
--   closing = opening + purchases − refunds − payments + payouts + fees + late_fees + interest
--             + instalment principal − converted.
-- Existing rows get 0, so the identity they were checked against is unchanged for them.

-- Column first, then its named check: Citus refuses ADD COLUMN with an inline constraint on a table it has
-- already distributed (an install upgraded after `credence migrate` placed the tables).
alter table credit_line_statements
  add column late_fees bigint not null default 0;

alter table credit_line_statements
  add constraint credit_line_statements_late_fees_non_negative check (late_fees >= 0);

alter table credit_line_statements drop constraint credit_line_statements_closing_balance;

alter table credit_line_statements
  add constraint credit_line_statements_closing_balance check (
    closing_balance = opening_balance + purchases - refunds - payments + payouts + fees + late_fees + interest
                      + instalment_principal - converted);
