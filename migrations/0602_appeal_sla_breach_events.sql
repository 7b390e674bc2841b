-- Appeals: an SLA breach is part of the record. When an open appeal passes its due instant the appeals
-- context writes one audit event of action 'sla_breached' (by the recovery pass — start-up, day-end, on
-- demand — or, if no pass ran in between, by the first action taken on the appeal after the deadline,
-- in that action's transaction and before its own events). One per appeal, enforced here so two passes
-- racing cannot both write it.

alter table appeal_events drop constraint appeal_events_action_check;
alter table appeal_events add constraint appeal_events_action_check check (action in ('filed', 'rechecked',
  'queued', 'assigned', 'released', 'commented', 'decided', 'approved', 'rejected', 'notified', 'withdrawn',
  'sla_breached'));

create unique index appeal_events_one_sla_breach on appeal_events (customer_id, appeal_id)
  where action = 'sla_breached';
