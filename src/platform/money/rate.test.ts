import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from './money.ts';
import {
  applyRate,
  applyRateForDays,
  compareRate,
  divideRate,
  formatPercent,
  parseRate,
  rateFromBps,
  toExactRateString,
  toRateString,
} from './rate.ts';
import { divRound } from './rounding.ts';

describe('divRound', () => {
  it('applies each named rule to ties and non-ties', () => {
    expect(divRound(5n, 2n, 'halfUp')).toBe(3n);
    expect(divRound(-5n, 2n, 'halfUp')).toBe(-3n);
    expect(divRound(5n, 2n, 'halfEven')).toBe(2n);
    expect(divRound(7n, 2n, 'halfEven')).toBe(4n);
    expect(divRound(-7n, 2n, 'halfEven')).toBe(-4n);
    expect(divRound(7n, 3n, 'down')).toBe(2n);
    expect(divRound(-7n, 3n, 'down')).toBe(-2n);
    expect(divRound(7n, 3n, 'up')).toBe(3n);
    expect(divRound(-7n, 3n, 'floor')).toBe(-3n);
    expect(divRound(-7n, 3n, 'ceil')).toBe(-2n);
    expect(divRound(8n, 3n, 'halfUp')).toBe(3n);
    expect(divRound(7n, -2n, 'halfUp')).toBe(-4n);
  });

  it('is within half a unit of the exact quotient for the nearest rules', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          for (const mode of ['halfUp', 'halfEven'] as const) {
            const q = divRound(n, d, mode);
            const error = q * d - n;
            expect((error < 0n ? -error : error) * 2n <= d).toBe(true);
          }
          expect(divRound(n, d, 'floor') * d <= n).toBe(true);
          expect(divRound(n, d, 'ceil') * d >= n).toBe(true);
        },
      ),
    );
  });
});

describe('rates', () => {
  it('keeps APR/365 and APR/12 exact', () => {
    const apr = parseRate('0.1825');
    expect(toExactRateString(divideRate(apr, 365n))).toBe('0.0005');
    expect(compareRate(divideRate(apr, 12n), parseRate('0.015208333333'))).toBe(1);
    expect(toRateString(divideRate(apr, 12n), 8)).toBe('0.01520833');
    expect(compareRate(parseRate('18.25%'), apr)).toBe(0);
    expect(compareRate(rateFromBps(1825), apr)).toBe(0);
    expect(formatPercent(parseRate('0.1095'))).toBe('10.95%');
  });

  it('applies a rate to money with a named rounding, once for many days', () => {
    const daily = divideRate(parseRate('0.1825'), 365n); // 0.05% a day
    expect(applyRate(1_000_000n as Money, daily, 'halfUp')).toBe(500n);
    expect(applyRateForDays(333n as Money, daily, 3, 'halfUp')).toBe(0n); // 0.4995 fen
    expect(applyRateForDays(333n as Money, daily, 4, 'halfUp')).toBe(1n); // 0.666 fen
  });

  it('refuses malformed rates, naming the field', () => {
    expect(() => parseRate('1e-3', 'apr')).toThrow(/apr/);
    expect(() => parseRate('abc', 'apr')).toThrow(/decimal rate/);
  });
});
