import {
  linesForBalanceChange,
  type AccountKind,
  type ContractBalances,
  type JournalEntry,
} from '../../ledger/index.ts';
import { addMoney, subMoney, sumMoney, ZERO } from '../../platform/money/money.ts';
import type { LineChange } from './line-servicing.ts';
import type { LineCounters, PlanCounters } from './line-state.ts';

/**
 * The books of a credit line. The line itself is one ledger contract (its revolving balances) and every
 * instalment plan is another, so converted and revolving balances never mix. Each contract's balances are
 * a fixed function of its running counters; a journal is the difference between two states, one journal
 * per contract that moved.
 *
 * Converting principal is an internal settlement between two contracts of the same customer: the plan pays
 * the line (plan: Dr principal receivable / Cr funding; line: Dr funding / Cr principal receivable), so
 * funding summed over a customer's contracts is still the net cash lent. Cash always arrives on the line;
 * what pays a plan's instalment is passed on through funding the same way.
 */

export const LINE_ACCOUNT_KINDS: readonly AccountKind[] = [
  'principal_receivable',
  'interest_receivable',
  'customer_overpayment',
  'funding',
  'interest_income',
];

/**
 * The line's late fee accounts: opened when a line first charges one (lines opened before late fees have
 * only the kinds above), by the booking step.
 */
export const LINE_LATE_FEE_ACCOUNT_KINDS: readonly AccountKind[] = ['fee_receivable', 'fee_income'];

/**
 * The accounts a contract gets when its line is written off (the line: write-off expense and recoveries; a
 * plan: write-off expense), opened by the booking step with the first journal that uses them.
 */
export const LINE_WRITE_OFF_ACCOUNT_KINDS: readonly AccountKind[] = ['write_off_expense', 'recovery_income'];

export const PLAN_ACCOUNT_KINDS: readonly AccountKind[] = [
  'principal_receivable',
  'fee_receivable',
  'funding',
  'fee_income',
];

/**
 * The line contract's balances (normal side positive):
 *
 * | account | balance |
 * |---|---|
 * | principal receivable | purchased − converted out − principal repaid |
 * | interest receivable | interest accrued − repaid |
 * | customer overpayment | overpaid − overpayment applied − paid out |
 * | funding | cash received − paid out − purchased + converted out − forwarded to plans |
 * | interest income | interest accrued − waived |
 * | fee receivable | late fees charged − repaid − written off − waived (once a late fee was charged) |
 * | fee income | late fees charged − waived |
 * | write-off expense | principal + interest + late fees written off (once written off) |
 * | recovery income | recovered: cash received on what was written off (once written off) |
 *
 * Principal and interest receivable are also less what was written off. A write-off moves each receivable to
 * write-off expense (Dr write-off expense / Cr receivables); a recovery is Dr funding / Cr recovery income
 * (and customer overpayment for money beyond what was written off).
 *
 * Debits equal credits exactly when cash received = principal and interest repaid on the line + forwarded
 * to plans + overpaid − overpayment applied, which every servicing operation keeps (cash is conserved). A
 * payout of money held moves only the last two: Dr customer overpayment / Cr funding.
 */
export function lineBalances(c: LineCounters): ContractBalances {
  const principalWrittenOff = c.principalWrittenOff ?? ZERO;
  const interestWrittenOff = c.interestWrittenOff ?? ZERO;
  const lateFeesWrittenOff = c.lateFeesWrittenOff ?? ZERO;
  // A goodwill waiver (hardship) is income not earned: Dr interest / fee income, Cr the receivable.
  const interestWaived = c.interestWaived ?? ZERO;
  const lateFeesWaived = c.lateFeesWaived ?? ZERO;
  // A reschedule moved interest and late fees into a workout plan, which paid the line for them through
  // funding: Dr funding / Cr interest (fee) receivable on the line (the plan: Dr principal receivable / Cr
  // funding). Income stays earned: the customer still owes it, in the plan.
  const interestRescheduled = c.interestRescheduled ?? ZERO;
  const lateFeesRescheduled = c.lateFeesRescheduled ?? ZERO;
  return {
    principal_receivable: subMoney(
      c.purchased,
      sumMoney([c.convertedOut, c.principalRepaid, principalWrittenOff]),
    ),
    interest_receivable: subMoney(
      c.interestAccrued,
      sumMoney([c.interestRepaid, interestWrittenOff, interestWaived, interestRescheduled]),
    ),
    customer_overpayment: subMoney(c.overpaid, addMoney(c.overpaymentApplied, c.paidOut)),
    funding: subMoney(
      sumMoney([c.cashReceived, c.convertedOut, interestRescheduled, lateFeesRescheduled]),
      sumMoney([c.paidOut, c.purchased, c.forwardedToPlans]),
    ),
    interest_income: subMoney(c.interestAccrued, interestWaived),
    // Late fees, only once a line has charged one (so lines without keep exactly their five accounts).
    ...(c.lateFeesCharged === undefined
      ? {}
      : {
          fee_receivable: subMoney(
            c.lateFeesCharged,
            sumMoney([c.lateFeesRepaid ?? ZERO, lateFeesWrittenOff, lateFeesWaived, lateFeesRescheduled]),
          ),
          fee_income: subMoney(c.lateFeesCharged, lateFeesWaived),
        }),
    // Write-off and recoveries, only once the line was written off (`recovered` is set with the write-off).
    ...(c.recovered === undefined
      ? {}
      : {
          write_off_expense: sumMoney([principalWrittenOff, interestWrittenOff, lateFeesWrittenOff]),
          recovery_income: c.recovered,
        }),
  };
}

/** A plan contract's balances: principal and fees owed, funding (received − converted), fee income. */
export function planBalances(c: PlanCounters): ContractBalances {
  const principalWrittenOff = c.principalWrittenOff ?? ZERO;
  const feesWrittenOff = c.feesWrittenOff ?? ZERO;
  // Fees waived by goodwill (hardship): Dr fee income / Cr fee receivable, like the line's late fees.
  const feesWaived = c.feesWaived ?? ZERO;
  // Moved into a workout plan by a reschedule: the workout plan paid this one for it (Dr funding / Cr the
  // receivables here; Dr principal receivable / Cr funding there), so funding summed over the customer's
  // contracts is unchanged.
  const principalRescheduled = c.principalRescheduled ?? ZERO;
  const feesRescheduled = c.feesRescheduled ?? ZERO;
  return {
    principal_receivable: subMoney(
      c.converted,
      sumMoney([c.principalRepaid, principalWrittenOff, principalRescheduled]),
    ),
    fee_receivable: subMoney(
      c.feesBilled,
      sumMoney([c.feesRepaid, feesWrittenOff, feesWaived, feesRescheduled]),
    ),
    funding: subMoney(
      sumMoney([c.principalRepaid, c.feesRepaid, principalRescheduled, feesRescheduled]),
      c.converted,
    ),
    fee_income: subMoney(c.feesBilled, feesWaived),
    ...(c.principalWrittenOff === undefined && c.feesWrittenOff === undefined
      ? {}
      : { write_off_expense: addMoney(principalWrittenOff, feesWrittenOff) }),
  };
}

const ZERO_PLAN: PlanCounters = {
  converted: ZERO,
  feesBilled: ZERO,
  principalRepaid: ZERO,
  feesRepaid: ZERO,
};

function describe(change: LineChange): string {
  switch (change.cause) {
    case 'day-end':
      return `day-end ${change.effectiveDate}: statement, interest, instalments`;
    case 'restatement':
      return `books restated as of ${change.effectiveDate} (back-dated payment ${change.seq ?? ''})`;
    case 'write-off':
      // A staff write-off is an event (it has a seq); the day-end's charge-off rule is not.
      return change.seq === undefined
        ? `written off by the charge-off rule on ${change.effectiveDate}`
        : `written off by staff on ${change.effectiveDate}`;
    case 'recovery':
      return `recovery on the written-off line on ${change.effectiveDate}`;
    case 'hardship':
      return `hardship change (event ${change.seq ?? ''}) on ${change.effectiveDate}: goodwill waiver or settlement for less`;
    default:
      return `${change.cause} on ${change.effectiveDate}`;
  }
}

/**
 * The journals of one booked change: one for the line if its balances moved, one for each plan whose
 * balances moved. Source keys are unique per cause — `day-end:<line>:<date>`, `<cause>:<line>:<seq>` — with
 * `:<plan>` appended for a plan's journal, so nothing can be booked twice.
 */
export function journalsOf(
  lineId: string,
  customerId: string,
  change: LineChange,
  nextId: () => string,
): JournalEntry[] {
  const cause =
    change.cause === 'day-end'
      ? `day-end:${lineId}:${change.effectiveDate}`
      : `${change.cause}:${lineId}:${change.seq ?? 0}`;
  const journals: JournalEntry[] = [];
  const push = (contractId: string, sourceKey: string, before: ContractBalances, after: ContractBalances) => {
    const lines = linesForBalanceChange(before, after);
    if (lines.length === 0) return;
    journals.push({
      id: nextId(),
      customerId,
      contractId,
      sourceKey,
      kind: change.cause,
      effectiveDate: change.effectiveDate,
      description: describe(change),
      lines,
    });
  };
  push(lineId, cause, lineBalances(change.before.line), lineBalances(change.after.line));
  for (const [planId, after] of Object.entries(change.after.plans)) {
    push(
      planId,
      `${cause}:${planId}`,
      planBalances(change.before.plans[planId] ?? ZERO_PLAN),
      planBalances(after),
    );
  }
  return journals;
}
