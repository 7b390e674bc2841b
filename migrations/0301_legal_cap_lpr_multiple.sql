-- A legal cap written as Chinese rules write it (issue 15 item 1): either a fixed annual rate (24 %) or a
-- multiple of the one-year LPR (4 × LPR, resolved against the LPR in force on each day it is read for; the
-- LPR's dated values are reference data in src/platform/money/one-year-lpr.ts). Exactly one of the two is set.
-- Rows written before this migration all have an annual rate, so the check holds for them.

-- Column first, then its named check: Citus refuses ADD COLUMN with an inline constraint on a table it has
-- already distributed (an install upgraded after `credence migrate` placed the tables).
alter table legal_rate_caps
  alter column annual_rate drop not null,
  add column lpr_multiple text;

alter table legal_rate_caps
  add constraint legal_rate_caps_lpr_multiple_decimal check (lpr_multiple ~ '^\d+(\.\d+)?$');

alter table legal_rate_caps
  add constraint legal_rate_caps_one_form check ((annual_rate is null) <> (lpr_multiple is null));
