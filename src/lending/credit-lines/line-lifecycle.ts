import { AppError } from '../../platform/errors/app-error.ts';
import { addMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { addDays, type LocalDate } from '../../platform/time/local-date.ts';
import type { FacilityStatus, TemporaryLimit } from '../facilities/facility.ts';
import { lineBalancesOf, planStatusOf, writtenOffOf } from './line-servicing.ts';
import type { LineState } from './line-state.ts';

/**
 * The credit line's own lifecycle, pure (issue 15, item 6): closing a line at zero balance, a lower limit the
 * customer asks for, and a temporary limit staff grant until a date. The use cases are in
 * `line-lifecycle-service.ts`; each change is a row of `credit_line_changes` (migration 0505).
 *
 * Rules decided:
 * - **Close** only when nothing is owed (billed or not, instalments still to come included), nothing is held
 *   for the customer (pay it out first), and no instalment plan is running. A closed line accepts nothing
 *   more (purchases, refunds, payments, payouts, conversions, temporary limits); its statements, events,
 *   journals and changes stay. Its facility is closed too. A merchant refund after closing is refused
 *   (`line-open`): it has to be paid to the customer outside the line.
 * - **A customer's lower limit** is below the limit they have and never below what is used; the reason is
 *   theirs. It is a cap: a limit review never sets the facility above it (a review may still lower it), and
 *   it holds until the customer lifts it; lifting it does not raise the limit by itself (the next review
 *   decides).
 * - **A temporary limit** adds an amount to the available credit through `until` (inclusive, 1–90 days from
 *   today), granted by staff with a reason on an active facility; a new grant replaces the running one. The
 *   day-end step of the first date after `until` removes it. What was drawn above the permanent limit stays
 *   owed and is repaid as usual (nothing is forced due); no new spending until used is below the limit.
 */

export const LINE_CHANGE_KINDS = [
  'close',
  'customer-limit',
  'customer-limit-lifted',
  'temporary-limit',
  'temporary-limit-expired',
  'statement-day',
] as const;
export type LineChangeKind = (typeof LINE_CHANGE_KINDS)[number];

/** A temporary limit runs at most this many days from the day it is granted. */
export const TEMPORARY_LIMIT_MAX_DAYS = 90;

/** Why something cannot be done: the field and the rule, with a message that names the figures. */
export interface LifecycleRefusal {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export function refuse(refusal: LifecycleRefusal): never {
  throw AppError.invalid(refusal.field, refusal.rule, refusal.message);
}

const yuan = (amount: Money): string => toDecimalString(amount);

/** Why the line cannot be closed on its state as of today, or null when it can. */
export function closeRefusal(state: LineState): LifecycleRefusal | null {
  const running = state.plans.filter((plan) => planStatusOf(plan) === 'active');
  if (running.length > 0) {
    return {
      field: 'plans',
      rule: 'no-open-plan',
      message: `instalment plan ${running.map((plan) => plan.planId).join(', ')} is still open; a line closes once every plan is paid`,
    };
  }
  const writtenOff = writtenOffOf(state);
  if (writtenOff && writtenOff.outstanding > 0n) {
    return {
      field: 'balance',
      rule: 'nothing-owed',
      message: `${yuan(writtenOff.outstanding)} written off on ${writtenOff.on} is still owed; a line closes once it is recovered`,
    };
  }
  const b = lineBalancesOf(state);
  const owed = addMoney(b.payoff, b.heldForCustomer);
  if (owed > 0n) {
    return {
      field: 'balance',
      rule: 'nothing-owed',
      message: `${yuan(owed)} is still owed on the line; a line closes at zero balance`,
    };
  }
  if (b.heldForCustomer > 0n) {
    return {
      field: 'heldForCustomer',
      rule: 'nothing-held',
      message: `${yuan(b.heldForCustomer)} is held for the customer; pay it out before closing`,
    };
  }
  return null;
}

/** A closed line accepts nothing more. */
export function assertLineOpen(closedOn: LocalDate | null, lineId: string): void {
  if (closedOn !== null) {
    refuse({
      field: 'line',
      rule: 'line-open',
      message: `line ${lineId} was closed on ${closedOn}; it accepts nothing more`,
    });
  }
}

/** Checks a customer's request for a lower limit against the facility. */
export function lowerLimitRefusal(
  requested: Money,
  facility: { readonly limit: Money; readonly used: Money; readonly status: FacilityStatus },
): LifecycleRefusal | null {
  if (requested <= 0n) {
    return {
      field: 'limit',
      rule: 'positive',
      message: 'the limit must be above zero (to end the line, close it)',
    };
  }
  if (requested >= facility.limit) {
    return {
      field: 'limit',
      rule: 'below-current-limit',
      message: `the limit asked for must be below the current limit of ${yuan(facility.limit)}`,
    };
  }
  if (requested < facility.used) {
    return {
      field: 'limit',
      rule: 'at-least-used',
      message: `the limit cannot be below the ${yuan(facility.used)} in use`,
    };
  }
  return null;
}

/** The limit a review may set under the customer's cap: the decision's, never above the cap. */
export function limitUnderCustomerCap(decisionLimit: Money, cap: Money | null): Money {
  return cap !== null && decisionLimit > cap ? cap : decisionLimit;
}

/** Checks a reason given in someone's own words (1–200 characters after trimming). */
export function reasonOf(text: string | undefined, field = 'reason'): string {
  const reason = (text ?? '').trim();
  if (reason.length === 0 || reason.length > 200) {
    refuse({ field, rule: 'length', message: 'give the reason in 1–200 characters' });
  }
  return reason;
}

/** Checks a temporary limit grant made on `today`. */
export function temporaryGrantRefusal(
  grant: TemporaryLimit,
  today: LocalDate,
  facility: { readonly status: FacilityStatus },
): LifecycleRefusal | null {
  if (grant.amount <= 0n)
    return { field: 'amount', rule: 'positive', message: 'the amount must be above zero' };
  if (grant.until < today) {
    return {
      field: 'until',
      rule: 'not-in-the-past',
      message: `the last day must be today (${today}) or later`,
    };
  }
  const latest = addDays(today, TEMPORARY_LIMIT_MAX_DAYS);
  if (grant.until > latest) {
    return {
      field: 'until',
      rule: 'within-90-days',
      message: `a temporary limit runs at most ${TEMPORARY_LIMIT_MAX_DAYS} days: ${latest} at the latest`,
    };
  }
  if (facility.status !== 'active') {
    return {
      field: 'facility',
      rule: 'facility-active',
      message: `the credit line is ${facility.status}; a temporary limit needs an active line`,
    };
  }
  return null;
}

/** Whether a temporary limit has run out by the start of `date` (its last day is `until`). */
export function temporaryExpired(temporary: TemporaryLimit | null | undefined, date: LocalDate): boolean {
  return temporary !== null && temporary !== undefined && temporary.until < date;
}
