import { AppError } from '../platform/errors/app-error.ts';
import { addMoney, toDecimalString, ZERO, type Money } from '../platform/money/money.ts';
import { addDays, type LocalDate } from '../platform/time/local-date.ts';
import type { CollectorRef } from './collection-case.ts';

/**
 * A promise to pay (承诺还款): the customer says they will pay an amount by a date. The day-end keeps or
 * breaks it by itself, from the payments the account receives — nobody marks it by hand.
 */

export type PromiseStatus = 'pending' | 'kept' | 'broken';

export interface PromiseToPay {
  readonly customerId: string;
  readonly id: string;
  readonly caseId: string;
  readonly accountId: string;
  /** The business date the promise was made: payments from it count. */
  readonly madeOn: LocalDate;
  /** The last day of the promise: payments through it count. */
  readonly dueDate: LocalDate;
  readonly amount: Money;
  readonly status: PromiseStatus;
  readonly resolvedOn: LocalDate | null;
  /** What was paid in the window when it was resolved. */
  readonly paid: Money | null;
  readonly madeBy: CollectorRef;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

/** What the account received with value dates in the promise's window, from `madeOn` through `through`. */
export function paidInWindow(
  payments: readonly { readonly effectiveDate: LocalDate; readonly amount: Money }[],
  madeOn: LocalDate,
  through: LocalDate,
): Money {
  let paid = ZERO;
  for (const payment of payments) {
    if (payment.effectiveDate >= madeOn && payment.effectiveDate <= through)
      paid = addMoney(paid, payment.amount);
  }
  return paid;
}

export type PromiseResolution =
  | { readonly status: 'pending'; readonly paid: Money }
  | { readonly status: 'kept' | 'broken'; readonly paid: Money };

/**
 * A pending promise at the end of business date `date`: kept as soon as the payments with value dates from
 * the day it was made through min(date, its due date) reach the amount; broken once its due date has
 * ended (`date` ≥ due date) without that; pending otherwise. Pure.
 */
export function resolvePromise(
  promise: Pick<PromiseToPay, 'madeOn' | 'dueDate' | 'amount'>,
  payments: readonly { readonly effectiveDate: LocalDate; readonly amount: Money }[],
  date: LocalDate,
): PromiseResolution {
  const through = date < promise.dueDate ? date : promise.dueDate;
  const paid = paidInWindow(payments, promise.madeOn, through);
  if (paid >= promise.amount) return { status: 'kept', paid };
  if (date >= promise.dueDate) return { status: 'broken', paid };
  return { status: 'pending', paid };
}

/**
 * The rules of a new promise, made on business date `today` for a case owing `amountPastDue`: an amount
 * of at least one fen and at most what is past due (a promise is about the arrears), a date from today up
 * to `maxDays` ahead.
 */
export function checkPromiseTerms(
  input: { readonly dueDate: LocalDate; readonly amount: Money },
  context: { readonly today: LocalDate; readonly amountPastDue: Money; readonly maxDays: number },
): void {
  if (input.amount <= 0n)
    throw AppError.invalid('amount', 'positive', 'the amount promised must be at least 0.01');
  if (input.amount > context.amountPastDue)
    throw AppError.invalid(
      'amount',
      'within-past-due',
      `a promise covers at most what is past due (CNY ${toDecimalString(context.amountPastDue)})`,
    );
  if (input.dueDate < context.today)
    throw AppError.invalid(
      'date',
      'not-before-today',
      `the promised date cannot be before today (${context.today})`,
    );
  const latest = addDays(context.today, context.maxDays);
  if (input.dueDate > latest)
    throw AppError.invalid(
      'date',
      'within-max-days',
      `the promised date must be within ${context.maxDays} days (by ${latest})`,
    );
}
