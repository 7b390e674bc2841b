-- Auto-repay for credit lines (issue 15, item 5): the amount rule the customer chose for a line.
--
-- A cash loan's auto-repay collects everything due and unpaid (amount_rule null). A credit line's collects,
-- on the statement's due date and its retry days, either the statement's full balance still unpaid ('full',
-- the default, as a Huabei-like line does) or only its minimum payment still unmet ('minimum'). The rule in
-- force is on the mandate; every grant records the rule it was given under (a change of rule is a new
-- consent), so the consent says what the customer agreed to be collected.

alter table auto_repay_mandates add column amount_rule text
  constraint auto_repay_mandates_amount_rule check (amount_rule in ('full', 'minimum'));
alter table auto_repay_mandates add constraint auto_repay_mandates_rule_of_product
  check ((product = 'credit_line') = (amount_rule is not null));

alter table auto_repay_consents add column amount_rule text
  constraint auto_repay_consents_amount_rule check (amount_rule in ('full', 'minimum'));
alter table auto_repay_consents add constraint auto_repay_consents_rule_on_grant
  check (granted or amount_rule is null);
