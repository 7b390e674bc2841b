/**
 * The distribution rule: every table that belongs to a customer carries `customer_id`, and every primary
 * key and unique constraint of such a table includes `customer_id`, so the schema can be distributed by
 * customer (Citus `create_distributed_table(..., 'customer_id')`) without a redesign. Foreign keys between
 * customer tables include `customer_id` too.
 *
 * Tables without `customer_id` are global (reference) tables and must be listed here with the reason;
 * `test/platform/schema-distribution.test.ts` checks the catalog against this list.
 */
export const GLOBAL_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: 'migration bookkeeping',
  api_keys: 'credentials of lender systems and staff, not of customers',
  staff_users: "the lender's console users (reviewers, analysts, admins), not customers",
  staff_sessions: 'console sessions of staff users, not of customers',
  audit_log:
    'who did what (staff, API keys, the system, customers): read across every customer by the audit viewer',
  scoring_models: 'scorecard artefacts: bins, points and aggregate statistics, shared by every customer',
  ledger_account_kinds: 'reference data: the chart of account kinds and their rules, the same for everyone',
  day_end_runs: 'day-end batch bookkeeping: one row per (product, business date) covering every customer',
  day_end_run_counts:
    "the run log's items advanced per (product, business date) and slot (a partition): summed on read, covering every customer",
  day_end_jobs: 'a run of the day-end as queued jobs, covering every customer (its work is per account)',
  day_end_job_parts:
    "one partition of a day-end run (customers by hash) and its progress; the accounts' own rows carry the work",
  policy_versions:
    'credit policy graphs (JDM) of the lender, versioned and dated, the same for every customer',
  lending_products: 'product definitions of the lender (limits, rates, terms), dated',
  legal_rate_caps: 'the dated legal cap on annualised rates, a rule for every customer',
  risk_appetite_settings: 'the dated global risk appetite (cut-off raise, limit scale)',
  policy_assignments: 'which policy (champion, challenger and share) decides each product, dated',
  collection_strategies:
    "the lender's dated collections strategy (reminders, call queue, contact hours and caps), the same for every customer",
  change_requests:
    'four-eyes changes of the lender (policy versions, model activations, lending settings), not of a customer',
  policy_simulations:
    'what-if runs of candidate policies over all past decisions, kept for the policy editor',
  retention_rules:
    "the lender's retention rule book (what keeps data after an erasure request, for how long, citing the law): the same for every customer",
  consent_notices:
    "the lender's versioned consent notice texts, the same for every customer who reads and accepts them",
  bureau_report_runs:
    'one row per monthly credit-bureau reporting run, covering every customer (its records are per customer)',
  model_backtests:
    "backtests of a candidate scorecard over every customer's past applications (aggregate reports), kept for the model page",
  loan_hardship_rules:
    "the lender's dated hardship rules (second-person threshold, each tool's limits), the same for every customer",
  customer_blocklist:
    'identifiers (blind indexes) the lender will not lend to: listed before any customer carries them, matching every customer that does',
};
