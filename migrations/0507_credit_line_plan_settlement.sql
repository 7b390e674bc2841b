-- Early settlement of an instalment plan (提前结清, issue 15 item 6): a line event of kind 'plan-settlement'
-- naming the plan (ref_id) and, as amount, the principal it had not billed, which the next statement bills in
-- one period with that period's fee; the fees of the periods after it are never billed (waived).

alter table credit_line_events drop constraint credit_line_events_kind_check;

alter table credit_line_events
  add constraint credit_line_events_kind_check
    check (kind in ('purchase', 'refund', 'payment', 'conversion', 'payout', 'plan-settlement'));
