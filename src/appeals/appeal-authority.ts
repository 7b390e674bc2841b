import { AppError } from '../platform/errors/app-error.ts';
import { formatMoney, type Money } from '../platform/money/money.ts';
import { compareRate, formatPercent, type Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { legalCapOn, type LegalRateCap, type Product } from '../policy/index.ts';
import type { OverrideTerms } from './appeal.ts';

/**
 * A reviewer's authority when overturning, pure: the limit within the product's bounds, the price within
 * the product's range and never above the legal cap in force; above a configurable limit, a second
 * reviewer must approve (maker-checker). A breach is an AppError naming the field and the rule.
 */

export interface OverrideBounds {
  readonly product: Product;
  readonly legalRateCaps: readonly LegalRateCap[];
  readonly date: LocalDate;
}

export interface AuthorityCheck {
  readonly needsSecondReviewer: boolean;
  /** The cap in force on the date, when one is configured. */
  readonly legalCap: Rate | null;
}

/** Checks an overturn's terms; throws VALIDATION_FAILED naming `limit` or `apr` and the rule broken. */
export function checkOverrideAuthority(
  terms: OverrideTerms,
  bounds: OverrideBounds,
  secondReviewerAbove: Money,
): AuthorityCheck {
  const { product } = bounds;
  if (terms.limit < product.minLimit)
    throw AppError.invalid(
      'limit',
      'product-min-limit',
      `the limit must be at least the product's minimum of ${formatMoney(product.minLimit, 'en')}`,
    );
  if (terms.limit > product.maxLimit)
    throw AppError.invalid(
      'limit',
      'product-max-limit',
      `the limit may not exceed the product's maximum of ${formatMoney(product.maxLimit, 'en')}`,
    );
  if (compareRate(terms.apr, product.minApr) < 0)
    throw AppError.invalid(
      'apr',
      'product-min-apr',
      `the rate must be at least the product's ${formatPercent(product.minApr)}`,
    );
  if (compareRate(terms.apr, product.maxApr) > 0)
    throw AppError.invalid(
      'apr',
      'product-max-apr',
      `the rate may not exceed the product's ${formatPercent(product.maxApr)}`,
    );
  const cap = legalCapOn(bounds.legalRateCaps, bounds.date);
  if (cap && compareRate(terms.apr, cap.annualRate) > 0)
    throw AppError.invalid(
      'apr',
      'legal-cap',
      `the rate may not exceed the legal cap of ${formatPercent(cap.annualRate)} in force since ${cap.effectiveFrom}`,
    );
  return { needsSecondReviewer: terms.limit > secondReviewerAbove, legalCap: cap?.annualRate ?? null };
}
