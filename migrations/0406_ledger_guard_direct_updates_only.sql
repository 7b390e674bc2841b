-- The account guard (0401) refuses direct edits of cached balances. It ran its function for every account
-- the posting trigger updates too, only to let those through. A WHEN clause evaluated before the call keeps
-- it to direct statements (trigger depth 0): the same rule, two function calls fewer per posting.

drop trigger ledger_accounts_guard on ledger_accounts;

create trigger ledger_accounts_guard before update on ledger_accounts
  for each row when (pg_trigger_depth() = 0) execute function ledger_guard_account();
