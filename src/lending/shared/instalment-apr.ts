import { AppError } from '../../platform/errors/app-error.ts';
import { allocateEvenly } from '../../platform/money/allocate.ts';
import { timesMoney, type Money } from '../../platform/money/money.ts';
import { applyRate, type Rate } from '../../platform/money/rate.ts';
import { annualisedRateByIrr } from './irr.ts';

export interface FlatFeeInstalmentTerms {
  /** The amount converted (or lent). */
  readonly principal: Money;
  /** Number of monthly periods. */
  readonly term: number;
  /** The fee of each period as a fraction of the converted amount (0.0075 = 0.75% a month). */
  readonly feePerPeriod: Rate;
}

export interface FlatFeeInstalmentPlan {
  /** Principal of each period (`flatFeeSplit`: equal parts, the leftover fen on the first parts). */
  readonly principalParts: readonly Money[];
  /** The fee of each period, principal × rate rounded half up. */
  readonly feePerPeriod: Money;
  readonly totalFees: Money;
  /** Annualised rate by IRR (periodic IRR × 12), fees included. */
  readonly apr: number;
}

/**
 * The one split of a flat-fee instalment plan, used by `flatFeeInstalmentPlan` (`credence loan apr`) and
 * by credit-line conversions (`planFigures`), so the figure quoted and the figures billed never differ:
 *
 * - principal: `allocateEvenly(principal, term)` — each part ⌊principal / term⌋, and the r = principal mod
 *   term fen left over go one each to the **first** r parts (¥1,000.00 over 3: 333.34, 333.33, 333.33);
 * - fee of each period: principal × rate, rounded half up to the fen.
 */
export function flatFeeSplit(
  principal: Money,
  term: number,
  feeRate: Rate,
): { principalParts: Money[]; feePerPeriod: Money } {
  return {
    principalParts: allocateEvenly(principal, term),
    feePerPeriod: applyRate(principal, feeRate, 'halfUp'),
  };
}

/**
 * A flat-fee instalment plan (分期手续费): principal in equal parts and the same fee every period. Its true
 * cost is the IRR of the cash flows — a 0.75% monthly fee over 12 months is about 16% a year, not 9%.
 * Credit-line instalment conversions (issue 7) and `credence loan apr` use this split (`flatFeeSplit`).
 */
export function flatFeeInstalmentPlan(terms: FlatFeeInstalmentTerms): FlatFeeInstalmentPlan {
  if (terms.principal <= 0n) throw AppError.invalid('principal', 'positive', 'principal must be above zero');
  if (!Number.isInteger(terms.term) || terms.term < 1 || terms.term > 360) {
    throw AppError.invalid('term', 'range', 'term must be a whole number of months from 1 to 360');
  }
  if (terms.feePerPeriod.num < 0n) {
    throw AppError.invalid('feePerPeriod', 'non-negative', 'the fee rate must not be negative');
  }
  const { principalParts: parts, feePerPeriod: fee } = flatFeeSplit(
    terms.principal,
    terms.term,
    terms.feePerPeriod,
  );
  const flows = [-Number(terms.principal), ...parts.map((p) => Number(p + fee))];
  const apr = fee === 0n ? 0 : annualisedRateByIrr(flows, 12);
  return { principalParts: parts, feePerPeriod: fee, totalFees: timesMoney(fee, terms.term), apr };
}
