import { AppError, type FieldIssue } from '../../platform/errors/app-error.ts';
import { compareRate, formatPercent } from '../../platform/money/rate.ts';
import type { LocalDate } from '../../platform/time/local-date.ts';
import type { DatedProduct, LegalRateCap, LendingSettings } from '../../policy/index.ts';

/**
 * Settings within the legal cap: no product may offer a rate above the cap in force on any day of its
 * life (from its date to the next definition of its code), whichever of the two is changed. The incoming
 * entries are checked against the stored ones they join (an incoming entry replaces a stored one of the
 * same code, or cap, and date). Fields name the incoming entry: `products[i].maxApr`, or
 * `legalRateCaps[i].annualRate`; rule `legal-cap`.
 */
export function settingsCostCapIssues(incoming: LendingSettings, stored: LendingSettings): FieldIssue[] {
  const products = merge(stored.products, incoming.products, (p) => `${p.product.code}@${p.effectiveFrom}`);
  const caps = merge(stored.legalRateCaps, incoming.legalRateCaps, (c) => c.effectiveFrom);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const check = (entry: DatedProduct, field: (cap: LegalRateCap) => string) => {
    for (const cap of capsDuring(entry, products, caps)) {
      if (compareRate(entry.product.maxApr, cap.annualRate) <= 0) continue;
      const name = field(cap);
      if (seen.has(name)) continue;
      seen.add(name);
      issues.push({
        field: name,
        rule: 'legal-cap',
        message: `${entry.product.code} from ${entry.effectiveFrom} offers up to ${formatPercent(entry.product.maxApr)}, above the legal cap of ${formatPercent(cap.annualRate)} in force from ${cap.effectiveFrom}`,
      });
    }
  };
  incoming.products.forEach((entry, index) => check(entry, () => `products[${index}].maxApr`));
  for (const entry of products) {
    check(entry, (cap) => {
      const index = incoming.legalRateCaps.indexOf(cap);
      return index >= 0 ? `legalRateCaps[${index}].annualRate` : '';
    });
  }
  return issues.filter((issue) => issue.field !== '');
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

/** The caps in force on some day from the product's date until the next definition of its code. */
function capsDuring(
  entry: DatedProduct,
  products: readonly DatedProduct[],
  caps: readonly LegalRateCap[],
): LegalRateCap[] {
  let end: LocalDate | undefined;
  for (const other of products) {
    if (other.product.code !== entry.product.code || other.effectiveFrom <= entry.effectiveFrom) continue;
    if (!end || other.effectiveFrom < end) end = other.effectiveFrom;
  }
  let atStart: LegalRateCap | undefined;
  const during: LegalRateCap[] = [];
  for (const cap of caps) {
    if (cap.effectiveFrom <= entry.effectiveFrom) {
      if (!atStart || cap.effectiveFrom > atStart.effectiveFrom) atStart = cap;
    } else if (!end || cap.effectiveFrom < end) during.push(cap);
  }
  return atStart ? [atStart, ...during] : during;
}
