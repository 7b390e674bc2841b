import fc from 'fast-check';
import { generatePopulation, populationFeatureTable } from '../../src/demo/index.ts';
import type { DecisionFacts } from '../../src/decisions/decision-facts.ts';
import type { PolicyContext } from '../../src/decisions/evaluate-decision.ts';
import { addMonths, businessDateOf, startOfBusinessDate } from '../../src/platform/time/local-date.ts';
import { createScorer, type Scorer } from '../../src/scoring/index.ts';
import { defaultPolicy, normalAppetite, product, settings } from '../policy/fixtures.ts';
import { testScorecard } from './scorecard.ts';

/**
 * Random applicants for the property tests, in memory: real feature vectors from a synthetic population
 * (a different seed from the scorecard's training), with the parts decisions and recourse turn on drawn by
 * fast-check — recent credit applications (with the dates they age out, consistent across the 7- to 180-day
 * counts), arrears, verification level, a risk hold, the product and the amount asked for.
 */
export const scorer: Scorer = createScorer(testScorecard());

const population = generatePopulation({ customers: 600, months: 24, seed: 99 });
const asOf = startOfBusinessDate(addMonths(businessDateOf(population.end), -1));
const table = populationFeatureTable(population, { asOf });
const rows = table.customerIds.map((_, index) => {
  const features: Record<string, number | string | null> = {};
  for (const [name, column] of Object.entries(table.numeric)) {
    const value = column[index];
    features[name] = value === undefined || Number.isNaN(value) ? null : value;
  }
  for (const [name, column] of Object.entries(table.categorical)) features[name] = column[index] ?? null;
  return features;
});

export const DAY_MS = 86_400_000;
export const decisionInstant = asOf;

export function contextFor(code: 'cash_loan' | 'credit_line'): PolicyContext {
  return {
    product: product(code),
    appetite: normalAppetite,
    policy: defaultPolicy,
    legalRateCaps: settings.legalRateCaps,
  };
}

export const arbitraryApplicant = fc
  .record({
    row: fc.integer({ min: 0, max: rows.length - 1 }),
    product: fc.constantFrom('cash_loan' as const, 'credit_line' as const),
    applicationAges: fc.array(fc.integer({ min: 0, max: 179 }), { maxLength: 14 }),
    overdueHere: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000 })),
    overdueElsewhere: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000 })),
    level: fc.integer({ min: 0, max: 3 }),
    holdDays: fc.oneof(fc.constant(null), fc.constant(null), fc.integer({ min: 1, max: 20 })),
    requested: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 10, max: 400 }).map((n) => n * 10_000),
    ),
  })
  .map((draw): DecisionFacts => {
    const base = rows[draw.row] ?? {};
    const features: Record<string, number | string | null> = { ...base };
    const decay: Record<string, number[]> = {};
    for (const days of [7, 30, 90, 180]) {
      const expiries = draw.applicationAges
        .filter((age) => age < days)
        .map((age) => asOf.getTime() + (days - age) * DAY_MS - 3_600_000)
        .sort((a, b) => a - b);
      features[`inquiries_${days}d`] = expiries.length;
      if (expiries.length > 0) decay[`inquiries_${days}d`] = expiries;
    }
    features.overdue_amount_here = draw.overdueHere;
    features.overdue_amount_elsewhere = draw.overdueElsewhere;
    features.verification_level = draw.level;
    const holds =
      draw.holdDays === null
        ? []
        : [
            {
              reasonCode: 'LIMIT_VIEW_SPIKE',
              expiresAt: new Date(asOf.getTime() + draw.holdDays * DAY_MS).toISOString(),
            },
          ];
    features.risk_holds_active = holds.length;
    const age = typeof base.age_years === 'number' ? base.age_years : 30;
    return {
      customerId: `cus_${String(draw.row).padStart(26, '0')}`,
      productCode: draw.product,
      asOf: asOf.toISOString(),
      asOfDate: businessDateOf(asOf),
      requestedAmount: draw.requested === null ? null : String(draw.requested),
      features,
      verification: { level: draw.level, failures: [], provider: 'sandbox' },
      age,
      holds,
      decay,
      facility: null,
      terms: null,
    };
  });
