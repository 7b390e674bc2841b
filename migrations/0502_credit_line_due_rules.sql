-- Credit lines (issue 7): a statement falls due on a day of the month (due_day) or a number of days after
-- the statement date (due_days_after_statement), exactly one of the two, so a customer may choose any
-- statement day under a product that counts days. The full rule is in the line's terms.

alter table credit_lines alter column due_day drop not null;

alter table credit_lines
  add column due_days_after_statement smallint check (due_days_after_statement between 1 and 27);

alter table credit_lines
  add constraint credit_lines_one_due_rule check ((due_day is null) <> (due_days_after_statement is null));
