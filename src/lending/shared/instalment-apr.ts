import { AppError } from '../../platform/errors/app-error.ts';
import type { Money } from '../../platform/money/money.ts';
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
  /** Principal of each period: equal parts rounded down, the remainder on the last. */
  readonly principalParts: readonly Money[];
  /** The fee of each period, principal × rate rounded half up. */
  readonly feePerPeriod: Money;
  readonly totalFees: Money;
  /** Annualised rate by IRR (periodic IRR × 12), fees included. */
  readonly apr: number;
}

/**
 * A flat-fee instalment plan (分期手续费): principal in equal parts and the same fee every period. Its true
 * cost is the IRR of the cash flows — a 0.75% monthly fee over 12 months is about 16% a year, not 9%.
 * Credit-line instalment conversions (issue 7) and `credence loan apr` use this.
 */
export function flatFeeInstalmentPlan(terms: FlatFeeInstalmentTerms): FlatFeeInstalmentPlan {
  if (terms.principal <= 0n) throw AppError.invalid('principal', 'positive', 'principal must be above zero');
  if (!Number.isInteger(terms.term) || terms.term < 1 || terms.term > 360) {
    throw AppError.invalid('term', 'range', 'term must be a whole number of months from 1 to 360');
  }
  if (terms.feePerPeriod.num < 0n) {
    throw AppError.invalid('feePerPeriod', 'non-negative', 'the fee rate must not be negative');
  }
  const part = terms.principal / BigInt(terms.term); // rounding: down; remainder on the last part
  const parts = Array.from({ length: terms.term }, (_, index) =>
    index === terms.term - 1 ? terms.principal - part * BigInt(terms.term - 1) : part,
  ) as Money[];
  const fee = applyRate(terms.principal, terms.feePerPeriod, 'halfUp');
  const flows = [-Number(terms.principal), ...parts.map((p) => Number(p + fee))];
  const apr = fee === 0n ? 0 : annualisedRateByIrr(flows, 12);
  return { principalParts: parts, feePerPeriod: fee, totalFees: (fee * BigInt(terms.term)) as Money, apr };
}
