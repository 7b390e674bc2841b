import { AppError, type FieldIssue } from '../platform/errors/app-error.ts';
import { ONE_YEAR_LPR, type DatedRate } from '../platform/money/one-year-lpr.ts';
import { compareRate, formatPercent } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { DatedProduct, LendingSettings } from './lending-settings.ts';
import { describeLegalCapRate, legalCapOn, type LegalRateCap } from './products.ts';

/**
 * Settings within the legal cap: no product may offer a rate above the cap in force on any day of its
 * life (from its date to the next definition of its code), whichever of the two is changed. A cap written
 * as a multiple of the one-year LPR moves with the LPR, so the days checked are the product's first day,
 * each cap's date and each LPR change inside its life (4 × LPR is 12.40 % until 2025-05-19 and 12.00 % from
 * 2025-05-20). The incoming entries are checked against the stored ones they join (an incoming entry
 * replaces a stored one of the same code, or cap, and date). Fields name the incoming entry:
 * `products[i].maxApr`, or `legalRateCaps[i].annualRate` / `.lprMultiple`; rule `legal-cap`.
 */
export function settingsCostCapIssues(
  incoming: LendingSettings,
  stored: LendingSettings,
  lprValues: readonly DatedRate[] = ONE_YEAR_LPR,
): FieldIssue[] {
  const products = merge(stored.products, incoming.products, (p) => `${p.product.code}@${p.effectiveFrom}`);
  const caps = merge(stored.legalRateCaps, incoming.legalRateCaps, (c) => c.effectiveFrom);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const check = (entry: DatedProduct, field: (rule: LegalRateCap) => string) => {
    for (const day of daysToCheck(entry, products, caps, lprValues)) {
      const cap = legalCapOn(caps, day, lprValues);
      if (!cap || compareRate(entry.product.maxApr, cap.annualRate) <= 0) continue;
      const rule = caps.find((candidate) => candidate.effectiveFrom === cap.effectiveFrom);
      const name = rule ? field(rule) : '';
      if (name === '' || seen.has(name)) continue;
      seen.add(name);
      issues.push({
        field: name,
        rule: 'legal-cap',
        message: `${entry.product.code} from ${entry.effectiveFrom} offers up to ${formatPercent(entry.product.maxApr)}, above the legal cap of ${describeLegalCapRate(cap)} ${
          cap.lpr
            ? `in force on ${day} (cap from ${cap.effectiveFrom}, LPR of ${cap.lpr.effectiveFrom})`
            : `in force from ${cap.effectiveFrom}`
        }`,
      });
    }
  };
  incoming.products.forEach((entry, index) => check(entry, () => `products[${index}].maxApr`));
  for (const entry of products) {
    check(entry, (rule) => {
      const index = incoming.legalRateCaps.indexOf(rule);
      if (index < 0) return '';
      return `legalRateCaps[${index}].${rule.lprMultiple === undefined ? 'annualRate' : 'lprMultiple'}`;
    });
  }
  return issues;
}

/** Throws 422 with every issue when the settings would let a product exceed the cap. */
export function assertSettingsWithinCostCap(incoming: LendingSettings, stored: LendingSettings): void {
  const issues = settingsCostCapIssues(incoming, stored);
  if (issues.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    {
      issues,
    },
  );
}

function merge<T>(stored: readonly T[], incoming: readonly T[], key: (entry: T) => string): T[] {
  const replaced = new Set(incoming.map(key));
  return [...stored.filter((entry) => !replaced.has(key(entry))), ...incoming];
}

/**
 * The days on which the cap may change during the product's life (from its date until the next definition
 * of its code): its first day, each cap's date, and each LPR change date (only a multiple-of-LPR cap moves
 * then, but checking a fixed one again is harmless).
 */
function daysToCheck(
  entry: DatedProduct,
  products: readonly DatedProduct[],
  caps: readonly LegalRateCap[],
  lprValues: readonly DatedRate[],
): LocalDate[] {
  let end: LocalDate | undefined;
  for (const other of products) {
    if (other.product.code !== entry.product.code || other.effectiveFrom <= entry.effectiveFrom) continue;
    if (!end || other.effectiveFrom < end) end = other.effectiveFrom;
  }
  const days = new Set<LocalDate>([entry.effectiveFrom]);
  const during = (day: LocalDate) => day > entry.effectiveFrom && (!end || day < end);
  for (const cap of caps) if (during(cap.effectiveFrom)) days.add(cap.effectiveFrom);
  if (caps.some((cap) => cap.lprMultiple !== undefined))
    for (const value of lprValues) if (during(value.effectiveFrom)) days.add(value.effectiveFrom);
  return [...days].sort();
}
