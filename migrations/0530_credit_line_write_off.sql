-- Charge-off (write-off) of a credit line with later recoveries (issue 15, item 6).
--
-- 1. A line is written off by the day-end once its days past due exceed the cash loan's limit (180 by default,
--    `writeOffAfterDpd` in the line's terms), or by staff: a `write-off` event (no reference; the staff's reason
--    in `detail`). What was owed moves to write-off expense on each contract (line and plans) through
--    balanced journals; nothing recorded is edited.
alter table credit_line_events drop constraint credit_line_events_kind_check;
alter table credit_line_events
  add constraint credit_line_events_kind_check
    check (kind in ('purchase', 'refund', 'payment', 'conversion', 'payout', 'plan-settlement', 'reversal',
                    'write-off'));

alter table credit_line_events drop constraint credit_line_events_reference;
alter table credit_line_events
  add constraint credit_line_events_reference
    check ((kind in ('payment', 'payout', 'reversal', 'write-off')) = (ref_id is null));

-- 2. The date is a column too (the state has it), so monitoring, collections and the lists read it by SQL.
alter table credit_lines add column written_off_on date;
alter table credit_lines
  add constraint credit_lines_written_off_after_opening check (written_off_on is null or written_off_on >= opened_on);

-- 3. Money received on a written-off line is a recovery: its own income account (credit side), so the
--    write-off expense stays what was written off and recoveries are reported beside it.
insert into ledger_account_kinds (kind, normal_side, non_negative, description) values
  ('recovery_income', 'C', true, 'cash received on amounts written off (recoveries)');
