import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRate, parseRate } from '../../src/platform/money/rate.ts';
import { fromEpochDay, parseLocalDate, toEpochDay } from '../../src/platform/time/local-date.ts';
import { decideWithPolicy } from '../../src/policy/policy-inputs.ts';
import { clampToLegalCap, legalCapOn, type LegalRateCap } from '../../src/policy/products.ts';
import { applicant, defaultPolicy, product } from './fixtures.ts';

/**
 * No decision prices above the legal cap in force on its date: random applicants through the default
 * policy, for a product whose own maximum (36%) is above today's cap, on random dates across two caps.
 */
const caps: LegalRateCap[] = [
  { effectiveFrom: parseLocalDate('2015-09-01'), annualRate: parseRate('0.36'), basis: 'earlier cap' },
  { effectiveFrom: parseLocalDate('2020-08-20'), annualRate: parseRate('0.24'), basis: 'current cap' },
];
const generous = { ...product('cash_loan'), minApr: parseRate('0.073'), maxApr: parseRate('0.36') };

describe('the legal cap over whole decisions (property)', () => {
  it('never lets a decision price above the cap in force on the decision date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 350, max: 950 }),
        fc.integer({
          min: toEpochDay(parseLocalDate('2016-01-01')),
          max: toEpochDay(parseLocalDate('2030-12-31')),
        }),
        fc.constantFrom('0.073', '0.219', '0.30', '0.36'),
        (score, day, minApr) => {
          const date = fromEpochDay(day);
          const input = applicant({ score, product: { ...generous, minApr: parseRate(minApr) } });
          const { result } = decideWithPolicy(defaultPolicy, input);
          const priced = clampToLegalCap(result.apr, caps, date);
          expect(compareRate(priced.apr, legalCapOn(caps, date)!.annualRate)).toBeLessThanOrEqual(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
