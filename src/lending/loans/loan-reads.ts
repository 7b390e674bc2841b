import { load, locate } from './loan-command.ts';
import type { LoanDeps, LoanService } from './loan-ports.ts';
import { listLoans as listLoanRecords, loanEventHistory } from './loans.pg.ts';
import { viewOf } from './loan-view.ts';
import { payoffQuote } from './servicing.ts';

/** The loan's events (repayments, write-off, payouts) in arrival order. */
export async function loanEvents(
  deps: LoanDeps,
  loanId: Parameters<LoanService['events']>[0],
): ReturnType<LoanService['events']> {
  const where = await locate(deps.db, loanId);
  return loanEventHistory(deps.db, where.customerId, loanId);
}

/** What settles the loan on a date (today by default). */
export async function quotePayoff(
  deps: LoanDeps,
  loanId: Parameters<LoanService['payoffQuote']>[0],
  date: Parameters<LoanService['payoffQuote']>[1],
): ReturnType<LoanService['payoffQuote']> {
  const record = await load(deps, loanId);
  return payoffQuote(record.contract, record.state, date ?? deps.clock.today());
}

/** One loan's view. */
export async function getLoan(
  deps: LoanDeps,
  loanId: Parameters<LoanService['getLoan']>[0],
): ReturnType<LoanService['getLoan']> {
  const record = await load(deps, loanId);
  return viewOf(record.contract, record.state);
}

/** A customer's loans. */
export async function listLoans(
  deps: LoanDeps,
  customerId: Parameters<LoanService['listLoans']>[0],
): ReturnType<LoanService['listLoans']> {
  const records = await listLoanRecords(deps.db, customerId);
  return records.map((record) => viewOf(record.contract, record.state));
}
