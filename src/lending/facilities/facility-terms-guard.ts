import { AppError, type FieldIssue } from '../../platform/errors/app-error.ts';
import { formatMoney } from '../../platform/money/money.ts';
import { compareRate, formatPercent } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import {
  describeLegalCapRate,
  legalCapOn,
  productOn,
  type LegalCapInForce,
  type LendingSettings,
  type Product,
  type ProductType,
} from '../../policy/index.ts';
import { productCodeOf, type Facility } from './facility.ts';

/**
 * Defence in depth: where money leaves on a facility's terms (a cash loan drawn, a credit line opened),
 * the terms are checked again against what the lender offers that day — whoever wrote the facility row
 * (a decision, an override, a script, SQL). A facility whose rate is above the legal cap in force, or
 * outside every product of its type, or whose limit is above every such product's maximum, lends nothing.
 * With no product of the type in force, nothing is lent either: a lender lends only products it defines.
 */

/** The products of one type in force on a date, and the legal cap then. */
export interface TermsInForce {
  readonly products: readonly Product[];
  /** Resolved for the date (a multiple of the LPR times the LPR in force that day). */
  readonly legalCap: LegalCapInForce | undefined;
}

/** The port: what is in force for a product type on a date (from the policy context's settings). */
export type TermsInForcePort = (type: ProductType, date: LocalDate) => Promise<TermsInForce>;

/** The terms in force from lending settings, pure (the composition root reads the settings, cached). */
export function termsInForceOf(settings: LendingSettings, type: ProductType, date: LocalDate): TermsInForce {
  const codes = new Set(
    settings.products.filter((entry) => entry.product.type === type).map((entry) => entry.product.code),
  );
  const products: Product[] = [];
  for (const code of codes) {
    const entry = productOn(settings.products, code, date);
    if (entry) products.push(entry.product);
  }
  return { products, legalCap: legalCapOn(settings.legalRateCaps, date) };
}

/**
 * The issues with a facility's terms on a date (empty when it may lend): `facility.product` /
 * `product-in-force`, `facility.apr` / `legal-cap`, `facility.apr` / `product-apr-range`,
 * `facility.limit` / `product-max-limit`.
 */
export function facilityTermsIssues(facility: Facility, terms: TermsInForce, date: LocalDate): FieldIssue[] {
  const code = productCodeOf(facility.product);
  if (terms.products.length === 0)
    return [
      {
        field: 'facility.product',
        rule: 'product-in-force',
        message: `no ${code} product is in force on ${date}; load the lending settings`,
      },
    ];
  const issues: FieldIssue[] = [];
  const cap = terms.legalCap;
  if (cap && compareRate(facility.apr, cap.annualRate) > 0)
    issues.push({
      field: 'facility.apr',
      rule: 'legal-cap',
      message: `the facility's rate ${formatPercent(facility.apr)} is above the legal cap of ${describeLegalCapRate(cap)} in force since ${cap.effectiveFrom}`,
    });
  const within = terms.products.some(
    (product) =>
      compareRate(facility.apr, product.minApr) >= 0 && compareRate(facility.apr, product.maxApr) <= 0,
  );
  if (!within)
    issues.push({
      field: 'facility.apr',
      rule: 'product-apr-range',
      message: `the facility's rate ${formatPercent(facility.apr)} is outside the rate range of every ${code} product in force (${terms.products
        .map((product) => `${product.code} ${formatPercent(product.minApr)}–${formatPercent(product.maxApr)}`)
        .join(', ')})`,
    });
  const maxLimit = terms.products.reduce(
    (max, product) => (product.maxLimit > max ? product.maxLimit : max),
    0n,
  );
  if (facility.limit > maxLimit)
    issues.push({
      field: 'facility.limit',
      rule: 'product-max-limit',
      message: `the facility's limit ${formatMoney(facility.limit, 'en')} is above the largest ${code} limit in force (${formatMoney(maxLimit as typeof facility.limit, 'en')})`,
    });
  return issues;
}

/**
 * Throws UNPROCESSABLE (422) naming the facility's field and the rule when its terms may not lend today;
 * the caller's transaction then writes nothing.
 */
export function assertFacilityTermsInForce(facility: Facility, terms: TermsInForce, date: LocalDate): void {
  const issues = facilityTermsIssues(facility, terms, date);
  if (issues.length === 0) return;
  throw new AppError(
    'UNPROCESSABLE',
    `the ${productCodeOf(facility.product)} facility ${facility.id} cannot lend on its terms: ${issues
      .map((issue) => issue.message)
      .join('; ')}; set them again through a decision or an override`,
    { issues, details: { reason: 'facility-terms-out-of-range', facilityId: facility.id } },
  );
}
