-- The last records that could still be erased or rewritten wholesale.
--
-- A TRUNCATE skips row triggers, so the append-only rules of customer_events (0101) and
-- appeal_evidence_links (0601) did not hold against it; both now refuse it as their sibling tables do.
create trigger customer_events_no_truncate before truncate on customer_events
  for each statement execute function customer_events_append_only();
create trigger appeal_evidence_links_no_truncate before truncate on appeal_evidence_links
  for each statement execute function appeals_refuse_change();

-- A notification is written once and marked delivered once: what it said, to whom, when it was made
-- and when it was delivered never change afterwards, and it is never deleted (the customer was told).
create function appeal_notification_guard() returns trigger language plpgsql as $$
begin
  if TG_OP = 'DELETE' or TG_OP = 'TRUNCATE' then
    raise exception using errcode = '55000',
      message = 'appeal_notifications is a record of what the customer was told: ' || TG_OP || ' is refused';
  end if;
  if old.delivered_at is not null
     or new.delivered_at is null
     or (new.customer_id, new.id, new.appeal_id, new.kind, new.text, new.created_at)
        is distinct from (old.customer_id, old.id, old.appeal_id, old.kind, old.text, old.created_at) then
    raise exception using errcode = '55000',
      message = 'appeal_notifications: only an undelivered notification may be marked delivered, once';
  end if;
  return new;
end $$;

create trigger appeal_notifications_guard before update or delete on appeal_notifications
  for each row execute function appeal_notification_guard();
create trigger appeal_notifications_no_truncate before truncate on appeal_notifications
  for each statement execute function appeal_notification_guard();
