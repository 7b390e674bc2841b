import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ONE_YEAR_LPR, rateOn } from '../../src/platform/money/one-year-lpr.ts';
import { compareRate, mulRate, parseRate } from '../../src/platform/money/rate.ts';
import { fromEpochDay, parseLocalDate, toEpochDay } from '../../src/platform/time/local-date.ts';
import { decideWithPolicy } from '../../src/policy/policy-inputs.ts';
import { clampToLegalCap, legalCapOn, type LegalRateCap } from '../../src/policy/products.ts';
import { applicant, defaultPolicy, product } from './fixtures.ts';

/**
 * No decision prices above the legal cap in force on its date: random applicants through the default
 * policy, for a product whose own maximum (36%) is above today's cap, on random dates across three caps
 * (36 %, 24 %, then 4 × the one-year LPR of each date).
 */
const caps: LegalRateCap[] = [
  { effectiveFrom: parseLocalDate('2015-09-01'), annualRate: parseRate('0.36'), basis: 'earlier cap' },
  { effectiveFrom: parseLocalDate('2020-08-20'), annualRate: parseRate('0.24'), basis: 'fixed cap' },
  // Then 4 × the one-year LPR, resolved on each date: 12.40 % until 2025-05-19, 12.00 % from 2025-05-20.
  { effectiveFrom: parseLocalDate('2025-01-01'), lprMultiple: parseRate('4'), basis: '4 × LPR' },
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
          const cap = legalCapOn(caps, date)!;
          expect(compareRate(priced.apr, cap.annualRate)).toBeLessThanOrEqual(0);
          if (date >= '2025-01-01')
            expect(cap.annualRate).toEqual(mulRate(parseRate('4'), rateOn(ONE_YEAR_LPR, date)!.annualRate));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
