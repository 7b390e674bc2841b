import { describe, expect, it } from 'vitest';
import { correlation, selectFeatures, varianceInflation } from './feature-selection.ts';

const column = (values: number[]) => Float64Array.from(values);

describe('selectFeatures', () => {
  const a = column([1, 2, 3, 4, 5, 6, 7, 8]);
  const nearA = column([1, 2, 3, 4, 5, 6, 8, 7]);
  const b = column([3, 1, 4, 1, 5, 9, 2, 6]);
  const flat = column([1, 1, 1, 1, 1, 1, 1, 1]);

  it('drops by IV, then the weaker of a correlated pair, and says why', () => {
    const result = selectFeatures(
      [
        { feature: 'a', iv: 0.4, woe: a },
        { feature: 'near_a', iv: 0.3, woe: nearA },
        { feature: 'b', iv: 0.2, woe: b },
        { feature: 'weak', iv: 0.01, woe: b },
        { feature: 'flat', iv: 0.5, woe: flat },
      ],
      { minIv: 0.02, maxCorrelation: 0.7, maxVif: 5 },
    );
    expect(result.kept.map((c) => c.feature)).toEqual(['a', 'b']);
    expect(result.dropped.map((d) => [d.feature, d.reason])).toEqual([
      ['flat', 'no-variation'],
      ['weak', 'low-iv'],
      ['near_a', 'correlated'],
    ]);
    expect(result.dropped[2]?.detail).toMatch(/WoE correlation 0\.976 with a/);
  });

  it('drops the most inflated feature when three are jointly collinear', () => {
    const x = column([1, 2, 3, 4, 5, 6, 7, 8]);
    const y = column([3, 1, 4, 1, 5, 9, 2, 6]);
    const z = column([4, 3, 7, 5, 10, 15, 9, 14].map((v, i) => v + (i % 3) * 0.1)); // ≈ x + y
    const result = selectFeatures(
      [
        { feature: 'x', iv: 0.3, woe: x },
        { feature: 'y', iv: 0.25, woe: y },
        { feature: 'z', iv: 0.2, woe: z },
      ],
      { minIv: 0, maxCorrelation: 1, maxVif: 5 },
    );
    expect(result.dropped.map((d) => [d.feature, d.reason])).toEqual([['z', 'high-vif']]);
    expect(result.kept.map((c) => c.feature)).toEqual(['x', 'y']);
  });

  it('computes correlation and VIF by their definitions', () => {
    expect(correlation(a, a)).toBeCloseTo(1, 15);
    expect(correlation(a, flat)).toBe(0);
    // Two columns with correlation r: VIF = 1 / (1 − r²).
    const r = 0.6;
    const vif = varianceInflation(Float64Array.from([1, r, r, 1]), 2);
    expect(vif[0]).toBeCloseTo(1 / (1 - r * r), 12);
  });
});
