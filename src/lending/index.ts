/**
 * The lending context's public surface, kept small: what other contexts need of it. Only types and pure
 * functions: nothing reachable from here opens a database.
 *
 * - `BUCKETS`, `bucketOf`, `Bucket`: the delinquency buckets (M0 current, M1, M2, M3+ by days past due and a
 *   product's bounds) — the one definition the day-end, monitoring's roll rates and collections share.
 * - A loan's contract, state, schedule and view as the customer's API shows them, the instalment-plan
 *   terms and the reported-rate format.
 *
 * Nothing here may reach the policy context's index: collections imports this one, and policy's lending
 * settings import collections (a cycle). `facility.ts` and `loan-receipts.ts` read policy's products
 * (directly or through `facility.ts`), so they stay off this surface for now. (The legal-cap check of the
 * lending settings is policy's own: `policy/settings-cost-cap.ts`.)
 */
export { BUCKETS, bucketOf, type Bucket } from './loans/servicing.ts';
export {
  contractFor,
  DEFAULT_LOAN_PRODUCT,
  type LoanContract,
  type LoanProduct,
} from './loans/loan-contract.ts';
export { REPAYMENT_INTENTS, type LoanState, type RepaymentIntent } from './loans/loan-state.ts';
export {
  generateSchedule,
  REPAYMENT_METHODS,
  type RepaymentMethod,
  type Schedule,
} from './loans/schedule.ts';
export type { LoanView } from './loans/loan-view.ts';
export { CONVERSION_TERMS } from './credit-lines/line-terms.ts';
export { formatReportedRate } from './shared/irr.ts';
