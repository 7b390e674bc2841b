-- Held money reserved while a pay-out waits for the provider, on credit lines (issue 15, item 5): the same as
-- 0440 does for cash loans (see there). Numbered after 0540 because it changes the event kinds 0540 last set (and the reference check 0530 set).
--
-- Credit lines: the pay-out's id is the event's reference (`ref_id`); a payout booked from a reservation names
-- it, one paid straight from money held (staff, before this migration) has none.
alter table credit_line_events drop constraint credit_line_events_kind_check;
alter table credit_line_events
  add constraint credit_line_events_kind_check
    check (kind in ('purchase', 'refund', 'payment', 'conversion', 'payout', 'plan-settlement', 'reversal',
                    'write-off', 'hardship', 'reserve', 'release'));
alter table credit_line_events drop constraint credit_line_events_reference;
alter table credit_line_events
  add constraint credit_line_events_reference
    check (
      case
        when kind in ('payment', 'reversal', 'write-off') then ref_id is null
        when kind = 'payout' then true
        else ref_id is not null
      end
    );
create unique index credit_line_events_once_per_payout on credit_line_events (customer_id, line_id, ref_id, kind)
  where kind in ('payout', 'reserve', 'release') and ref_id is not null;
