import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateEvenly } from './allocate.ts';
import type { Money } from './money.ts';

describe('allocate', () => {
  it('gives the leftover fen to the largest remainders, ties to the earliest part', () => {
    expect(allocate(100n as Money, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(5n as Money, [3n, 7n])).toEqual([2n, 3n]); // 1.5 and 3.5: equal remainders, the earlier part wins
    expect(allocate(-100n as Money, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(0n as Money, [1n, 2n])).toEqual([0n, 0n]);
    expect(allocate(7n as Money, [0n, 1n])).toEqual([0n, 7n]);
  });

  it('splits a loan of ¥10,000.00 into 12 equal principal parts that sum back', () => {
    const parts = allocateEvenly(1_000_000n as Money, 12);
    expect(parts.slice(0, 4)).toEqual([83_334n, 83_334n, 83_334n, 83_334n]);
    expect(parts.slice(4)).toEqual(Array(8).fill(83_333n));
  });

  it('never loses or creates a fen, and each part is within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(total as Money, weights);
          expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(total);
          const weightSum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((part, index) => {
            const exactTimesW = total * (weights[index] ?? 0n);
            const diff = part * weightSum - exactTimesW;
            expect(diff < 0n ? -diff : diff).toBeLessThan(weightSum);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses negative weights and all-zero weights', () => {
    expect(() => allocate(10n as Money, [1n, -1n])).toThrow(/weights\[1\]/);
    expect(() => allocate(10n as Money, [0n, 0n])).toThrow(/not all be zero/);
  });
});
