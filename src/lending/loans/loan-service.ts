import { drawDown } from './draw-down.ts';
import type { LoanService, LoanServiceDeps } from './loan-ports.ts';
import { getLoan, listLoans, loanEvents, quotePayoff } from './loan-reads.ts';
import { loanStatement } from './loan-statement.ts';
import { payOutLoanHeld } from './pay-out-loan-held.ts';
import { releaseLoanHeld, reserveLoanHeld } from './reserve-loan-held.ts';
import { repayLoan } from './repay-loan.ts';
import { reverseRepayment } from './reverse-repayment.ts';
import { writeOffLoan } from './write-off-loan.ts';

/**
 * Cash loans as use cases, one file each: drawdown (`draw-down.ts`), repayment (`repay-loan.ts`), reversal of
 * a repayment that did not stand (`reverse-repayment.ts`), write-off
 * (`write-off-loan.ts`), payout of money held (`pay-out-loan-held.ts`), reads and quotes (`loan-reads.ts`),
 * the statement of account (`loan-statement.ts`); what they share in `loan-command.ts` (booking an event on a
 * locked loan, the idempotent frame of repayments and write-offs). This factory only binds them to their deps.
 */

export type { LoanService, LoanServiceDeps } from './loan-ports.ts';
export type {
  DrawdownReceipt,
  DrawdownRefusal,
  DrawdownRequest,
  DrawdownResult,
  PayoutReceipt,
  PayoutRequest,
  PayoutResult,
  RepaymentAllocation,
  RepaymentReceipt,
  RepaymentRequest,
  RepaymentResult,
  ReversalReceipt,
  ReversalResult,
} from './loan-receipts.ts';
export {
  expectedBalances,
  viewOf,
  type LoanStatement,
  type LoanView,
  type StatementEntry,
  type StatementLine,
} from './loan-view.ts';

export function createLoanService(deps: LoanServiceDeps): LoanService {
  return {
    drawdown: (request) => drawDown(deps, request),
    repay: (request) => repayLoan(deps, request),
    writeOff: (request) => writeOffLoan(deps, request),
    reverseRepayment: (request) => reverseRepayment(deps, request),
    payout: (request) => payOutLoanHeld(deps, request),
    reserveHeld: (tx, request) => reserveLoanHeld(deps, tx, request),
    releaseHeld: (tx, request) => releaseLoanHeld(deps, tx, request),
    events: (loanId) => loanEvents(deps, loanId),
    payoffQuote: (loanId, date) => quotePayoff(deps, loanId, date),
    getLoan: (loanId) => getLoan(deps, loanId),
    listLoans: (customerId) => listLoans(deps, customerId),
    statement: (loanId, range) => loanStatement(deps, loanId, range),
  };
}
