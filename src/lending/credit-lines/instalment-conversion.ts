import { AppError } from '../../platform/errors/app-error.ts';
import { addMoney, timesMoney, toDecimalString, type Money } from '../../platform/money/money.ts';
import { formatPercent, type Rate } from '../../platform/money/rate.ts';
import { assertAllInCostWithinCap, monthlyPeriods, type CostCap } from '../shared/cost-cap.ts';
import { flatFeeSplit } from '../shared/instalment-apr.ts';
import { annualisedRateByIrr } from '../shared/irr.ts';
import { lastPeriodOf, type InstalmentPlan } from './line-state.ts';
import { CONVERSION_TERMS, type ConversionTerms } from './line-terms.ts';

/**
 * The offer of an instalment conversion (分期): the converted amount billed in equal parts over 3, 6, 9 or
 * 12 statements with the same fee each period, and what that really costs a year.
 *
 * - Principal parts and fee: `flatFeeSplit` (shared with `flatFeeInstalmentPlan`, so `credence loan apr`
 *   quotes the same plan) — each part is ⌊amount / term⌋ and the r fen left over go one each to the first
 *   r periods, so the parts always sum to the amount and differ by at most one fen; the fee per period is
 *   amount × the term's monthly fee rate, rounded half up.
 * - Annualised rate: periodic IRR of (−amount, part₁ + fee, …, partₙ + fee) × 12 — fees included, so a flat
 *   0.75 % a month over 12 months shows as about 16 % a year, not 9 %.
 */
export interface ConversionOffer {
  readonly amount: Money;
  readonly term: number;
  readonly feeRate: Rate;
  readonly principalParts: readonly Money[];
  readonly feePerPeriod: Money;
  readonly totalFees: Money;
  /** Principal + fee of each period. */
  readonly instalments: readonly Money[];
  /** Annualised rate by IRR (periodic IRR × 12), fees included. */
  readonly aprByIrr: number;
}

/** The offer for converting `amount` over `term` periods under the line's conversion terms. */
export function conversionOffer(terms: ConversionTerms, amount: Money, term: number): ConversionOffer {
  if (!(CONVERSION_TERMS as readonly number[]).includes(term)) {
    throw AppError.invalid('term', 'one-of', `term must be one of ${CONVERSION_TERMS.join(', ')} periods`);
  }
  const feeRate = terms.feeRates[term];
  if (!feeRate) throw AppError.invalid('term', 'offered', `a conversion over ${term} periods is not offered`);
  if (amount < terms.minAmount) {
    throw AppError.invalid(
      'amount',
      'minimum',
      `the smallest amount that can be converted is ${toDecimalString(terms.minAmount)}`,
    );
  }
  return offerFor(amount, term, feeRate);
}

/** The principal parts and the fee of each period (`flatFeeSplit`; rounding as in the module comment). */
export function planFigures(
  amount: Money,
  term: number,
  feeRate: Rate,
): { principalParts: Money[]; feePerPeriod: Money } {
  if (amount <= 0n) throw AppError.invalid('amount', 'positive', 'the amount must be above zero');
  return flatFeeSplit(amount, term, feeRate);
}

/** The offer's figures for any amount, term and fee rate (no product limits). */
export function offerFor(amount: Money, term: number, feeRate: Rate): ConversionOffer {
  const { principalParts, feePerPeriod } = planFigures(amount, term, feeRate);
  const instalments = principalParts.map((part) => addMoney(part, feePerPeriod));
  const flows = [-Number(amount), ...instalments.map(Number)];
  return {
    amount,
    term,
    feeRate,
    principalParts,
    feePerPeriod,
    totalFees: timesMoney(feePerPeriod, term),
    instalments,
    aprByIrr: feePerPeriod === 0n ? 0 : annualisedRateByIrr(flows, 12),
  };
}

/**
 * The annualised rate by IRR of what remains of a plan: the periodic IRR of (−principal not yet billed,
 * part + fee of each period still to bill) × 12. It is the offer's rate until a refund re-spreads the plan;
 * after a partial refund the fee is on what was kept (more than what is left to bill), so the rate of the
 * remainder is above the offer's — the customer is shown both. Null when nothing is left to bill.
 */
export function remainingPlanApr(plan: InstalmentPlan): number | null {
  if (plan.cancelledOn !== null) return null;
  const parts = plan.parts.slice(plan.billedPeriods, lastPeriodOf(plan));
  const principal = parts.reduce((sum, part) => sum + part, 0n);
  if (parts.length === 0 || principal === 0n) return null;
  // A workout plan's charge varies by period (`fees`); a conversion's is the same every period.
  const fees = parts.map((_, i) => plan.fees?.[plan.billedPeriods + i] ?? plan.feePerPeriod);
  if (fees.every((fee) => fee === 0n)) return 0;
  return annualisedRateByIrr(
    [-Number(principal), ...parts.map((part, i) => Number(part + (fees[i] ?? 0n)))],
    12,
  );
}

/**
 * A workout plan's annualised rate by IRR as set up: (−amount, part₁ + charge₁, …) × 12 — at most the rate it
 * was set up at (below it when interest or fees were moved, which bear no charge). 0 when it charges nothing.
 */
export function workoutPlanApr(
  plan: Pick<InstalmentPlan, 'principal' | 'parts' | 'fees' | 'feePerPeriod'>,
): number {
  const fees = plan.parts.map((_, i) => plan.fees?.[i] ?? plan.feePerPeriod);
  if (fees.every((fee) => fee === 0n)) return 0;
  return annualisedRateByIrr(
    [-Number(plan.principal), ...plan.parts.map((part, i) => Number(part + (fees[i] ?? 0n)))],
    12,
  );
}

/**
 * The offer, when its all-in cost is within the legal cap in force (none: unchanged): the IRR of
 * (−amount, part₁ + fee, …) at most the cap — exactly, each period discounted at cap / 12, the convention
 * of `aprByIrr`. Otherwise 422 `all-in-cost-cap` on `term` (the fee rate is the term's).
 */
export function withinCostCap(offer: ConversionOffer, cap: CostCap | undefined): ConversionOffer {
  if (!cap || offer.feePerPeriod === 0n) return offer;
  assertAllInCostWithinCap(
    'term',
    `converting ${toDecimalString(offer.amount)} over ${offer.term} periods at ${formatPercent(offer.feeRate)} a period`,
    offer.amount,
    monthlyPeriods(offer.instalments, cap.annualRate),
    cap,
  );
  return offer;
}
