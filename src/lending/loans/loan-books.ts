import {
  linesForBalanceChange,
  type AccountKind,
  type ContractBalances,
  type JournalEntry,
} from '../../ledger/index.ts';
import { subMoney, toDecimalString } from '../../platform/money/money.ts';
import type { LoanContract } from './loan-contract.ts';
import { outstandingOfCounters, type LoanCounters } from './loan-state.ts';
import type { BookedChange } from './servicing.ts';

/** The ledger accounts of every loan (all kept under the loan's id as the contract). */
export const LOAN_ACCOUNT_KINDS: readonly AccountKind[] = [
  'principal_receivable',
  'interest_receivable',
  'penalty_receivable',
  'customer_overpayment',
  'funding',
  'interest_income',
  'penalty_income',
  'fee_income',
  'write_off_expense',
];

/**
 * A loan's ledger balances as a function of its counters (normal side positive):
 *
 * | account | balance |
 * |---|---|
 * | principal receivable | disbursed − principal repaid − principal written off |
 * | interest receivable | interest accrued − repaid − written off |
 * | penalty receivable | penalty accrued − repaid − written off |
 * | customer overpayment | overpaid − overpayment applied − held paid out |
 * | funding | cash received − held paid out − (disbursed − upfront fee) |
 * | interest / penalty / fee income | interest / penalty accrued − waived / upfront fee |
 * | write-off expense | written off − recovered |
 *
 * Debits equal credits exactly when cash received = principal + interest + penalty repaid + recovered +
 * overpaid − overpayment applied, which every servicing operation keeps (cash is conserved). A payout moves
 * the same amount off both sides: D customer overpayment, C funding.
 */
export function loanBalances(c: LoanCounters): ContractBalances {
  const owed = outstandingOfCounters(c);
  return {
    principal_receivable: owed.principal,
    interest_receivable: owed.interest,
    penalty_receivable: owed.penalty,
    customer_overpayment: owed.overpayment,
    funding: subMoney(subMoney(c.cashReceived, c.heldPaidOut), subMoney(c.disbursed, c.upfrontFee)),
    // A goodwill waiver is income not earned: D interest / penalty income, C the receivable.
    interest_income: subMoney(c.interestAccrued, c.interestWaived),
    penalty_income: subMoney(c.penaltyAccrued, c.penaltyWaived),
    fee_income: c.upfrontFee,
    write_off_expense: owed.writtenOff,
  };
}

const ZERO_BALANCES: ContractBalances = {};

/** The source key of a booked change: unique per loan and cause, so nothing can be booked twice. */
export function sourceKeyOf(contract: LoanContract, change: BookedChange): string {
  if (change.cause === 'day-end') return `day-end:${contract.loanId}:${change.effectiveDate}`;
  return `${change.cause}:${contract.loanId}:${change.seq ?? 0}`;
}

function describe(change: BookedChange, detail: string | undefined): string {
  switch (change.cause) {
    case 'day-end':
      return `day-end ${change.effectiveDate}: accrual, billing, penalty`;
    case 'repayment':
      return detail ?? `repayment on ${change.effectiveDate}`;
    case 'write-off':
      return `written off on ${change.effectiveDate}`;
    case 'payout':
      return detail ?? `held money paid back to the customer on ${change.effectiveDate}`;
    case 'restatement':
      return detail ?? `books restated as of ${change.effectiveDate}`;
    case 'hardship':
      return detail ?? `hardship change on ${change.effectiveDate}`;
  }
}

/** The journal entry of a booked change, or undefined when it moves nothing. */
export function journalOf(
  contract: LoanContract,
  change: BookedChange,
  id: string,
  detail?: string,
): JournalEntry | undefined {
  const lines = linesForBalanceChange(loanBalances(change.before), loanBalances(change.after));
  if (lines.length === 0) return undefined;
  return {
    id,
    customerId: contract.customerId,
    contractId: contract.loanId,
    sourceKey: sourceKeyOf(contract, change),
    kind: change.cause,
    effectiveDate: change.effectiveDate,
    description: describe(change, detail),
    lines,
  };
}

/** The drawdown's entry: principal receivable against funding, less the upfront fee (fee income). */
export function drawdownJournal(contract: LoanContract, counters: LoanCounters, id: string): JournalEntry {
  const lines = linesForBalanceChange(ZERO_BALANCES, loanBalances(counters));
  return {
    id,
    customerId: contract.customerId,
    contractId: contract.loanId,
    sourceKey: `drawdown:${contract.loanId}`,
    kind: 'drawdown',
    effectiveDate: contract.startDate,
    description: `drawdown of ${toDecimalString(contract.principal)} over ${contract.term} months`,
    lines,
  };
}
