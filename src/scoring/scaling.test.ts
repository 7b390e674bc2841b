import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampScore, DEFAULT_SCALING, pdAtScore, roundPoints, scalingOf } from './scaling.ts';

describe('points-to-double-odds scaling', () => {
  it('defaults to 600 points at 50:1 and 40 points to double the odds', () => {
    const s = scalingOf(DEFAULT_SCALING);
    expect(s.factor).toBeCloseTo(57.70780163555854, 12);
    expect(s.offset).toBeCloseTo(600 - 57.70780163555854 * Math.log(50), 10);
    expect(s.offset).toBeCloseTo(374.2458, 4);
    // 600 means odds 50:1, a PD of 1/51; 640 doubles the odds to 100:1.
    expect(pdAtScore(s, 600)).toBeCloseTo(1 / 51, 14);
    expect(pdAtScore(s, 640)).toBeCloseTo(1 / 101, 14);
    expect(clampScore(1000, s)).toBe(950);
    expect(clampScore(100, s)).toBe(350);
  });

  it('refuses a scale that means nothing, naming the field', () => {
    expect(() => scalingOf({ ...DEFAULT_SCALING, pdo: 0 })).toThrow(/scaling\.pdo/);
    expect(() => scalingOf({ ...DEFAULT_SCALING, baseOdds: -1 })).toThrow(/scaling\.baseOdds/);
    expect(() => scalingOf({ ...DEFAULT_SCALING, minScore: 950, maxScore: 350 })).toThrow(
      /scaling\.minScore/,
    );
  });
});

describe('roundPoints', () => {
  it('keeps a single feature within 1 point, and says so', () => {
    const rounded = roundPoints(430.4, [[-12.3, 0.2, 18.7]]);
    expect(rounded.points[0]?.every(Number.isInteger)).toBe(true);
    expect(rounded.worstCase).toBeLessThanOrEqual(1);
  });

  it('beats rounding each bin to the nearest integer on the worst case', () => {
    // Fractions .0 and .45 in every feature: nearest rounding errs by up to 0.45 per feature, all in one direction.
    const exact = Array.from({ length: 6 }, () => [3, -7.45, 12.45]);
    const nearestWorst = 6 * 0.45;
    expect(roundPoints(400, exact).worstCase).toBeLessThan(nearestWorst);
  });

  it('bounds |integer total − exact total| by worstCase for every combination of bins', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 300, max: 600, noNaN: true }),
        fc.array(fc.array(fc.double({ min: -80, max: 80, noNaN: true }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (base, exact, picks) => {
          const rounded = roundPoints(base, exact);
          let integerTotal = rounded.basePoints;
          let exactTotal = base;
          exact.forEach((values, j) => {
            const bin = (picks[j] ?? 0) % values.length;
            integerTotal += rounded.points[j]?.[bin] ?? Number.NaN;
            exactTotal += values[bin] ?? 0;
          });
          expect(Number.isInteger(integerTotal)).toBe(true);
          expect(Math.abs(integerTotal - exactTotal)).toBeLessThanOrEqual(rounded.worstCase + 1e-9);
          // The bound is at most half a point per feature plus half a point for the base.
          expect(rounded.worstCase).toBeLessThanOrEqual(exact.length / 2 + 0.5 + 1e-9);
        },
      ),
    );
  });
});
