import { AppError } from '../../platform/errors/app-error.ts';
import {
  addRate,
  compareRate,
  divRate,
  formatPercent,
  mulRate,
  parseRate,
  rate,
  RATE_ONE,
  type Rate,
} from '../../platform/money/rate.ts';
import { describeLprMultiple, ONE_YEAR_LPR, type DatedRate } from '../../platform/money/one-year-lpr.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';

/**
 * The all-in cost cap (综合融资成本上限): the legal cap bounds everything a borrower can be charged a year —
 * contract interest, fees (by IRR), penalty interest and late fees — not only the contract rate.
 *
 * The cap is dated data, written either as a fixed annual rate (24 %) or as a multiple of the one-year
 * Loan Prime Rate (4 × LPR, as the Supreme People's Court's 2020 rule on private lending writes it), with
 * the LPR's own dated values (`platform/money/one-year-lpr.ts`). Rates are exact fractions; only reported IRRs are floats, and the cap
 * checks here never use them: a flow's present value at the cap is computed in exact fractions.
 */

// The LPR table is reference data shared with the policy context (which resolves a settings cap written
// as a multiple of it); it lives in platform/money and is re-exported here for lending's callers.
export { ONE_YEAR_LPR, type DatedRate } from '../../platform/money/one-year-lpr.ts';

/** A cap rule in force from a date until the next one: a fixed annual rate, or a multiple of the LPR. */
export type CostCapRule =
  | {
      readonly effectiveFrom: LocalDate;
      readonly kind: 'fixed';
      readonly annualRate: Rate;
      readonly basis: string;
    }
  | {
      readonly effectiveFrom: LocalDate;
      readonly kind: 'lpr-multiple';
      readonly multiple: Rate;
      readonly basis: string;
    };

/** The cap in force on a date, and how it was found. */
export interface CostCap {
  readonly annualRate: Rate;
  readonly rule: CostCapRule;
  /** The LPR used, for a multiple-of-LPR rule. */
  readonly lpr?: DatedRate;
}

function latestOn<T extends { readonly effectiveFrom: LocalDate }>(
  entries: readonly T[],
  date: LocalDate,
): T | undefined {
  let found: T | undefined;
  for (const entry of entries) {
    if (entry.effectiveFrom <= date && (!found || entry.effectiveFrom > found.effectiveFrom)) found = entry;
  }
  return found;
}

/**
 * The cap in force on `date`: the latest rule on or before it; for a multiple of the LPR, the multiple ×
 * the LPR in force that day (exact). Undefined when no rule (or, for a multiple, no LPR) is in force.
 */
export function costCapOn(
  rules: readonly CostCapRule[],
  date: LocalDate,
  lpr: readonly DatedRate[] = ONE_YEAR_LPR,
): CostCap | undefined {
  const rule = latestOn(rules, date);
  if (!rule) return undefined;
  if (rule.kind === 'fixed') return { annualRate: rule.annualRate, rule };
  const value = latestOn(lpr, date);
  if (!value) return undefined;
  return { annualRate: mulRate(rule.multiple, value.annualRate), rule, lpr: value };
}

/**
 * The cap a contract made before caps were recorded in contracts is held to: 24 %, the default install's
 * cap (`policies/settings.json`).
 */
export const DEFAULT_COST_CAP: Rate = parseRate('0.24');

/** Describes the cap for a message: "24.00% (in force since 2020-08-20)" or "4 × the one-year LPR 3.00% = 12.00% (…)". */
export function describeCap(cap: CostCap): string {
  const since = `in force since ${cap.rule.effectiveFrom}`;
  if (cap.rule.kind === 'fixed' || !cap.lpr) return `${formatPercent(cap.annualRate)} (${since})`;
  return `${describeLprMultiple(cap.rule.multiple, cap.lpr.annualRate, cap.annualRate)} (${since}; LPR of ${cap.lpr.effectiveFrom})`;
}

/** One payment of a flow and the period it closes: its periodic rate at the cap. */
export interface CappedPeriod {
  readonly payment: bigint;
  /** The cap's rate for this period: cap × days / 365 (daily basis) or cap / 12 (monthly periods). */
  readonly periodRate: Rate;
}

/**
 * True when the flows cost at most the cap: the present value of the payments, each discounted at the
 * cap's periodic rates compounded at each payment, is at most what was paid out. Equivalently the IRR of
 * (−paidOut, payment₁, …) is at most the cap (the present value falls as the rate rises). Exact fractions.
 */
export function withinCap(paidOut: bigint, periods: readonly CappedPeriod[]): boolean {
  let discount = RATE_ONE;
  let presentValue = rate(0n);
  for (const period of periods) {
    discount = mulRate(discount, addRate(RATE_ONE, period.periodRate));
    presentValue = addRate(presentValue, divRate(rate(period.payment), discount));
  }
  return compareRate(presentValue, rate(paidOut)) <= 0;
}

/** Throws 422 naming the field and the rule when `annualRate` is above the cap. */
export function assertRateWithinCap(field: string, what: string, annualRate: Rate, cap: CostCap): void {
  if (compareRate(annualRate, cap.annualRate) <= 0) return;
  throw AppError.invalid(
    field,
    'legal-cap',
    `${what} ${formatPercent(annualRate)} is above the legal cap of ${describeCap(cap)}`,
  );
}

/** Throws 422 `all-in-cost-cap` naming the field when the flows cost more than the cap a year. */
export function assertAllInCostWithinCap(
  field: string,
  what: string,
  paidOut: bigint,
  periods: readonly CappedPeriod[],
  cap: CostCap,
): void {
  if (withinCap(paidOut, periods)) return;
  throw AppError.invalid(
    field,
    'all-in-cost-cap',
    `${what}: its all-in annualised cost (interest and fees, by IRR) is above the legal cap of ${describeCap(cap)}`,
  );
}

/** Each of `n` monthly periods at the cap's monthly rate (cap / 12), as conversions' IRR × 12 reads. */
export function monthlyPeriods(payments: readonly bigint[], cap: Rate): CappedPeriod[] {
  const periodRate = divRate(cap, rate(12n));
  return payments.map((payment) => ({ payment, periodRate }));
}
