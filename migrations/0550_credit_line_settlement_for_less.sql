-- Settlement for less than owed on a credit line (issue 15, item 4 for lines; after the goodwill waiver of
-- 0540). Staff agree an amount below what settles the line in full; carrying the request out appends a
-- `hardship` line event whose change is `{"tool": "settlement", "amount": "<fen>"}`: the customer's payment is
-- received, money held for them is used, and the rest is written off by the line's write-off machinery and
-- forgiven (the line is settled: `settledOn` in its state). The event kind and the statement identity are
-- unchanged (a settled line, like a written-off one, cuts no more statements). See docs/credit-lines.md,
-- "Hardship tools".

-- The request's tool: the waiver and now the settlement (the check 0540 made inline, by its default name).
alter table credit_line_hardship_requests drop constraint credit_line_hardship_requests_tool_check;
alter table credit_line_hardship_requests
  add constraint credit_line_hardship_requests_tool_check check (tool in ('waiver', 'settlement'));
