import { AppError } from '../platform/errors/app-error.ts';
import { formatMoney, type Money } from '../platform/money/money.ts';
import { compareRate, formatPercent, type Rate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { describeLegalCapRate, legalCapOn, type LegalRateCap, type Product } from '../policy/index.ts';
import type { OverrideTerms } from './appeal.ts';
import { compareTerms, type DecisionTerms } from './recheck-comparison.ts';

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
      `the rate may not exceed the legal cap of ${describeLegalCapRate(cap)} in force since ${cap.effectiveFrom}`,
    );
  return { needsSecondReviewer: terms.limit > secondReviewerAbove, legalCap: cap?.annualRate ?? null };
}

/**
 * An overturn decides the appeal in the customer's favour, so its terms must not leave them worse off than
 * the decision appealed, nor change nothing: against an approval, a lower limit at no lower price, or a
 * higher price at no higher limit, is refused (`worse-than-appealed`), and the same limit and price too
 * (`changes-nothing`: uphold instead). A higher limit at a higher price (or a lower one cheaper) is the
 * reviewer's judgement and allowed. Any approval overturns a decline or a referral.
 */
export function checkOverturnImproves(appealed: DecisionTerms, terms: OverrideTerms): void {
  const verdict = compareTerms(appealed, { outcome: 'approved', limit: terms.limit, apr: terms.apr });
  if (verdict === 'worse') {
    const field = terms.limit < appealed.limit ? 'limit' : 'apr';
    throw AppError.invalid(
      field,
      'worse-than-appealed',
      `an overturn cannot leave the customer worse off than the decision appealed (${formatMoney(appealed.limit, 'en')}${appealed.apr ? ` at ${formatPercent(appealed.apr)}` : ''})`,
    );
  }
  if (verdict === 'same')
    throw AppError.invalid(
      'limit',
      'changes-nothing',
      'these are the terms of the decision appealed; uphold it instead',
    );
}
