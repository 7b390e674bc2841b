import type { FieldIssue } from '../platform/errors/app-error.ts';
import { toExactRateString } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import type { PolicyAssignment } from './champion-challenger.ts';
import { sameShadow } from './shadow-assignment.ts';
import { productOn, type LendingSettings } from './lending-settings.ts';
import { legalRateCapToJson, productToJson } from './products.ts';

/** A stored policy version as far as the settings checks need it. */
export interface VersionDate {
  readonly name: string;
  readonly effectiveFrom: LocalDate;
}

/**
 * What refuses a load of lending settings against what is stored, one issue per entry (field and rule):
 *
 * - `immutable-past`: an entry already stored for a date before today whose content would change — the
 *   product, cap, appetite or assignment that was in force on days already decided is history; a change
 *   takes effect today or later as a new dated entry (reloading the same entry is a no-op, as before);
 * - `unknown-product`: an assignment for a product not defined on its date (stored or in the same load);
 * - `unknown-policy`: an assignment whose champion or challenger policy has no version in force on its
 *   date — every decision it routes there would be referred as a fault.
 */
export function settingsLoadIssues(
  stored: LendingSettings,
  incoming: LendingSettings,
  versions: readonly VersionDate[],
  today: LocalDate,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pastChange = (field: string, what: string, date: LocalDate) =>
    issues.push({
      field: `${field}.effectiveFrom`,
      rule: 'immutable-past',
      message: `${what} from ${date} is already stored and in force on past days; a change takes effect today (${today}) or later as a new dated entry`,
    });

  incoming.products.forEach((entry, index) => {
    if (entry.effectiveFrom >= today) return;
    const existing = stored.products.find(
      (candidate) =>
        candidate.product.code === entry.product.code && candidate.effectiveFrom === entry.effectiveFrom,
    );
    if (existing && !sameJson(productToJson(existing.product), productToJson(entry.product)))
      pastChange(`products[${index}]`, `product ${entry.product.code}`, entry.effectiveFrom);
  });
  incoming.legalRateCaps.forEach((cap, index) => {
    if (cap.effectiveFrom >= today) return;
    const existing = stored.legalRateCaps.find((candidate) => candidate.effectiveFrom === cap.effectiveFrom);
    if (existing && !sameJson(legalRateCapToJson(existing), legalRateCapToJson(cap)))
      pastChange(`legalRateCaps[${index}]`, 'the legal rate cap', cap.effectiveFrom);
  });
  incoming.riskAppetite.forEach((setting, index) => {
    if (setting.effectiveFrom >= today) return;
    const existing = stored.riskAppetite.find(
      (candidate) => candidate.effectiveFrom === setting.effectiveFrom,
    );
    if (
      existing &&
      (existing.name !== setting.name ||
        existing.cutoffRaise !== setting.cutoffRaise ||
        toExactRateString(existing.limitScale) !== toExactRateString(setting.limitScale) ||
        existing.note !== setting.note)
    )
      pastChange(`riskAppetite[${index}]`, 'the risk appetite', setting.effectiveFrom);
  });
  (incoming.collectionStrategies ?? []).forEach((strategy, index) => {
    if (strategy.effectiveFrom >= today) return;
    const existing = (stored.collectionStrategies ?? []).find(
      (candidate) => candidate.effectiveFrom === strategy.effectiveFrom,
    );
    if (existing && !sameJson(existing, strategy))
      pastChange(`collectionStrategies[${index}]`, 'the collections strategy', strategy.effectiveFrom);
  });
  const products = [...stored.products, ...incoming.products];
  incoming.assignments.forEach((assignment, index) => {
    const field = `assignments[${index}]`;
    if (assignment.effectiveFrom < today) {
      const existing = stored.assignments.find(
        (candidate) =>
          candidate.productCode === assignment.productCode &&
          candidate.effectiveFrom === assignment.effectiveFrom,
      );
      if (existing && !sameAssignment(existing, assignment))
        pastChange(field, `the assignment of ${assignment.productCode}`, assignment.effectiveFrom);
    }
    if (!productOn(products, assignment.productCode, assignment.effectiveFrom)) {
      issues.push({
        field: `${field}.productCode`,
        rule: 'unknown-product',
        message: `no product ${assignment.productCode} is defined on ${assignment.effectiveFrom}`,
      });
    }
    const policies: Array<[string, string | null]> = [
      ['championPolicy', assignment.championPolicy],
      ['challengerPolicy', assignment.challengerPolicy],
      ['shadow.policy', assignment.shadow?.policy ?? null],
    ];
    for (const [key, name] of policies) {
      if (name === null) continue;
      const inForce = versions.some(
        (version) => version.name === name && version.effectiveFrom <= assignment.effectiveFrom,
      );
      if (!inForce) {
        issues.push({
          field: `${field}.${key}`,
          rule: 'unknown-policy',
          message: `no version of policy "${name}" is in force on ${assignment.effectiveFrom}; load it first`,
        });
      }
    }
  });
  return issues;
}

function sameAssignment(a: PolicyAssignment, b: PolicyAssignment): boolean {
  return (
    a.championPolicy === b.championPolicy &&
    a.challengerPolicy === b.challengerPolicy &&
    a.challengerShareBps === b.challengerShareBps &&
    sameShadow(a.shadow, b.shadow)
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
