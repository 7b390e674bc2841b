-- Who filed a correction (the customer through the app, or a staff member or key on their behalf), beside
-- the request's record: the reviewers' queue shows it, and the customer's copy leaves it out for staff.
-- Nothing wrote data_corrections before this migration (0811 created it empty).
alter table data_corrections
  add column filed_by jsonb not null default '{}'::jsonb check (jsonb_typeof(filed_by) = 'object');
