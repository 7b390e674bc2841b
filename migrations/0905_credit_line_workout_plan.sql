-- A reschedule into a workout plan on a credit line (issue 15, item 4 for lines; after the waiver of 0540, the
-- settlement for less of 0550, the payment holiday of 0551 and the re-age of 0552 — the line's last hardship
-- tool). A line behind has its whole balance owed (principal billed and unbilled, its plans' principal and fees,
-- interest and late fees) moved into a new instalment plan of 3–36 monthly instalments at a rate never above its
-- contract rate; the line is frozen while the plan runs and stays past due until the first instalment is met.
-- Carrying the request out appends a `hardship` line event whose change is
-- `{"tool": "reschedule", "instalments": N, "rate": ["num", "den"], "planId": "ipl_…"}`; the plan lives in the
-- line's state like every instalment plan (source `{"kind": "workout", "requestId": "lhr_…"}`) and is a ledger
-- contract of its own. The statement identity is unchanged (what left the closing balance is in `converted`).
-- See docs/credit-lines.md, "Reschedule into a workout plan".

alter table credit_line_hardship_requests drop constraint credit_line_hardship_requests_tool_check;
alter table credit_line_hardship_requests
  add constraint credit_line_hardship_requests_tool_check
  check (tool in ('waiver', 'settlement', 'holiday', 're-age', 'reschedule'));
