-- A payment holiday on a credit line (issue 15, item 4 for lines; after the waiver of 0540 and the settlement
-- for less of 0550): the next N statements cut ask no minimum payment — nothing falls due on their due dates, so
-- no day past due and no late fee; interest accrues and is billed as always. Carrying the request out appends a
-- `hardship` line event whose change is `{"tool": "holiday", "statements": N}`; the statements it covers are
-- ordinary statements whose minimum_payment is 0 (the closing-balance identity is unchanged). See
-- docs/credit-lines.md, "Hardship tools".

alter table credit_line_hardship_requests drop constraint credit_line_hardship_requests_tool_check;
alter table credit_line_hardship_requests
  add constraint credit_line_hardship_requests_tool_check check (tool in ('waiver', 'settlement', 'holiday'));
