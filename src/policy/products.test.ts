import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRate, parseRate, rate, toExactRateString } from '../platform/money/rate.ts';
import { fromEpochDay, parseLocalDate, toEpochDay } from '../platform/time/local-date.ts';
import {
  appetiteOn,
  clampToLegalCap,
  dailyRateOf,
  legalCapOn,
  NEUTRAL_APPETITE,
  parseProduct,
  parseRiskAppetite,
  type LegalRateCap,
} from './products.ts';

const cashLoan = {
  code: 'cash_loan',
  type: 'cash_loan',
  name: { zh: '现金借款', en: 'Cash loan' },
  minLimit: '100000',
  maxLimit: '20000000',
  minApr: '0.073',
  maxApr: '0.219',
  terms: [12, 3, 6],
  firstLimitCap: '500000',
  requiredVerificationLevel: 3,
  minAge: 18,
  maxAge: 60,
};

describe('products', () => {
  it('reads a product with exact amounts and rates; 7.3%–21.9% a year is 0.02%–0.06% a day', () => {
    const product = parseProduct(cashLoan);
    expect(product.terms).toEqual([3, 6, 12]);
    expect(product.maxLimit).toBe(20_000_000n);
    expect(toExactRateString(dailyRateOf(product.minApr))).toBe('0.0002');
    expect(toExactRateString(dailyRateOf(product.maxApr))).toBe('0.0006');
  });

  it('refuses inconsistent bounds, naming the field and the rule', () => {
    expect(() => parseProduct({ ...cashLoan, firstLimitCap: '50000000' })).toThrow(
      /firstLimitCap.*between minLimit and maxLimit/,
    );
    expect(() => parseProduct({ ...cashLoan, minApr: '0.3' })).toThrow(/minApr/);
    expect(() => parseProduct({ ...cashLoan, terms: [24] })).toThrow(/terms are 3, 6 or 12/);
    expect(() => parseProduct({ ...cashLoan, maxLimit: 200.5 })).toThrow(/maxLimit/);
  });
});

const caps: LegalRateCap[] = [
  { effectiveFrom: parseLocalDate('2015-09-01'), annualRate: parseRate('0.36'), basis: 'old cap' },
  { effectiveFrom: parseLocalDate('2020-08-20'), annualRate: parseRate('0.24'), basis: 'current cap' },
];

describe('the dated legal cap on the annualised rate', () => {
  it('uses the cap in force on the decision date', () => {
    expect(legalCapOn(caps, parseLocalDate('2020-08-19'))?.basis).toBe('old cap');
    expect(legalCapOn(caps, parseLocalDate('2020-08-20'))?.basis).toBe('current cap');
    expect(legalCapOn(caps, parseLocalDate('2010-01-01'))).toBeUndefined();
    expect(clampToLegalCap(parseRate('0.30'), caps, parseLocalDate('2020-08-19'))).toMatchObject({
      capped: false,
    });
    expect(
      toExactRateString(clampToLegalCap(parseRate('0.30'), caps, parseLocalDate('2026-11-22')).apr),
    ).toBe('0.24');
  });

  it('never prices above the cap in force, and never changes a price at or below it (property)', () => {
    const day = fc.integer({
      min: toEpochDay(parseLocalDate('2015-09-01')),
      max: toEpochDay(parseLocalDate('2030-12-31')),
    });
    const apr = fc
      .tuple(fc.bigInt({ min: 0n, max: 1_000_000n }), fc.bigInt({ min: 1n, max: 1_000_000n }))
      .map(([n, d]) => rate(n, d));
    fc.assert(
      fc.property(apr, day, (price, epochDay) => {
        const date = fromEpochDay(epochDay);
        const cap = legalCapOn(caps, date);
        const clamped = clampToLegalCap(price, caps, date);
        expect(cap).toBeDefined();
        expect(compareRate(clamped.apr, cap!.annualRate)).toBeLessThanOrEqual(0);
        if (compareRate(price, cap!.annualRate) <= 0)
          expect(clamped).toMatchObject({ apr: price, capped: false });
        else expect(clamped.capped).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('risk appetite', () => {
  it('is neutral until a setting takes effect, then the latest one in force', () => {
    const settings = [
      parseRiskAppetite({
        effectiveFrom: '2026-03-01',
        name: 'downturn',
        cutoffRaise: 40,
        limitScale: '0.75',
      }),
      parseRiskAppetite({
        effectiveFrom: '2026-09-01',
        name: 'recovery',
        cutoffRaise: 10,
        limitScale: '0.9',
      }),
    ];
    expect(appetiteOn(settings, parseLocalDate('2026-02-28'))).toBe(NEUTRAL_APPETITE);
    expect(appetiteOn(settings, parseLocalDate('2026-03-01')).name).toBe('downturn');
    expect(appetiteOn(settings, parseLocalDate('2026-11-22')).name).toBe('recovery');
  });

  it('refuses a scale with more than 4 decimals or out of range', () => {
    expect(() =>
      parseRiskAppetite({ effectiveFrom: '2026-01-01', name: 'x', cutoffRaise: 0, limitScale: '0.33333' }),
    ).toThrow(/at most 4 decimals/);
    expect(() =>
      parseRiskAppetite({ effectiveFrom: '2026-01-01', name: 'x', cutoffRaise: 0, limitScale: '0' }),
    ).toThrow(/above 0/);
  });
});
