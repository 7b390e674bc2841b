import type { AccountFacts } from '../../collections/index.ts';
import { addMoney, subMoney, sumMoney, ZERO, type Money } from '../../platform/money/money.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { LineState } from '../credit-lines/line-state.ts';
import { lineDaysPastDue, owedOn } from '../credit-lines/line-servicing.ts';
import type { LineTerms } from '../credit-lines/line-terms.ts';
import type { LoanContract } from '../loans/loan-contract.ts';
import type { LoanState } from '../loans/loan-state.ts';
import { bucketOf, daysPastDue } from '../loans/servicing.ts';

/**
 * What collections needs to know of an account on a business date, from the product's own state and its
 * own rules — the days past due and bucket the day-end stores (`daysPastDue` / `lineDaysPastDue` and
 * `bucketOf` with the contract's bounds, the definition monitoring's roll rates use), what fell due and is
 * unpaid, and the payments received with their value dates (for promises to pay). Pure.
 */
type Payments = AccountFacts['payments'];

/** A cash loan on `date`: past due from its oldest unsettled instalment due before `date`. */
export function loanFacts(
  contract: LoanContract,
  state: LoanState,
  date: LocalDate,
  payments: Payments,
): AccountFacts {
  const dpd = daysPastDue(state, date);
  const missed =
    state.status === 'active'
      ? state.instalments.filter((i) => i.settledOn === null && i.dueDate < date)
      : [];
  const amountPastDue = subMoney(
    sumMoney(missed.flatMap((i) => [i.principal, i.interest, i.penalty])),
    sumMoney(missed.flatMap((i) => [i.principalPaid, i.interestPaid, i.penaltyPaid])),
  );
  const standing =
    state.status === 'closed'
      ? 'paid-off'
      : state.status === 'written_off'
        ? 'written-off'
        : dpd > 0
          ? 'delinquent'
          : 'current';
  return {
    customerId: contract.customerId,
    accountId: contract.loanId,
    product: 'cash_loan',
    standing,
    daysPastDue: dpd,
    bucket: bucketOf(dpd, contract.bucketBounds),
    oldestDueDate: dpd > 0 ? (missed[0]?.dueDate ?? null) : null,
    amountPastDue: dpd > 0 ? amountPastDue : ZERO,
    payments,
  };
}

/**
 * A credit line on `date`: past due from the oldest due date before `date` whose minimum is unmet; what is
 * unpaid on every statement whose due date has passed.
 */
export function lineFacts(
  terms: LineTerms,
  state: LineState,
  closedOn: LocalDate | null,
  date: LocalDate,
  payments: Payments,
): AccountFacts {
  // A written-off line has nothing on its books (the debt is off them): its case closes as written off.
  const writtenOff = Boolean(state.writtenOffOn) && (state.writtenOffOn as LocalDate) <= date;
  const dpd = closedOn !== null || writtenOff ? 0 : lineDaysPastDue(state, date);
  let amountPastDue: Money = ZERO;
  if (dpd > 0) {
    for (const statement of state.statements) {
      if (statement.dueDate < date) amountPastDue = addMoney(amountPastDue, owedOn(statement));
    }
  }
  return {
    customerId: terms.customerId,
    accountId: terms.lineId,
    product: 'credit_line',
    standing: closedOn !== null ? 'closed' : writtenOff ? 'written-off' : dpd > 0 ? 'delinquent' : 'current',
    daysPastDue: dpd,
    bucket: bucketOf(dpd, terms.bucketBounds),
    oldestDueDate: dpd > 0 ? addDays(date, -dpd) : null,
    amountPastDue,
    payments,
  };
}
