-- A re-age on a credit line (issue 15, item 4 for lines; after the waiver of 0540, the settlement for less of
-- 0550 and the payment holiday of 0551): a line past due whose customer has since paid the regular minimum of
-- `reAgeMinConsecutivePaid` statements in a row on time is brought current — the unmet minimums of statements
-- already due stop counting (no day past due, no further late fee for them, no outcome for limit reviews);
-- everything stays owed. Carrying the request out appends a `hardship` line event whose change is
-- `{"tool": "re-age"}`; no money moves. See docs/credit-lines.md, "Hardship tools".

alter table credit_line_hardship_requests drop constraint credit_line_hardship_requests_tool_check;
alter table credit_line_hardship_requests
  add constraint credit_line_hardship_requests_tool_check
  check (tool in ('waiver', 'settlement', 'holiday', 're-age'));
