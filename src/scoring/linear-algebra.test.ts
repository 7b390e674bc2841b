import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInverse, choleskySolve, erfc, twoSidedNormalP } from './linear-algebra.ts';

describe('Cholesky', () => {
  it('solves a known system', () => {
    const a = Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]);
    const factor = cholesky(a, 3);
    expect(Array.from(factor ?? [])).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    const x = choleskySolve(factor ?? new Float64Array(), 3, [1, 2, 3]);
    // A·x = b
    for (let i = 0; i < 3; i += 1) {
      const row =
        (a[i * 3] ?? 0) * (x[0] ?? 0) + (a[i * 3 + 1] ?? 0) * (x[1] ?? 0) + (a[i * 3 + 2] ?? 0) * (x[2] ?? 0);
      expect(row).toBeCloseTo(i + 1, 10);
    }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeUndefined();
    expect(cholesky(Float64Array.from([1, 1, 1, 1]), 2)).toBeUndefined();
  });

  it('inverts random positive-definite matrices (A·A⁻¹ = I)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (values) => {
          // A = MᵀM + I is symmetric positive definite.
          const n = 4;
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i += 1)
            for (let j = 0; j < n; j += 1) {
              let sum = i === j ? 1 : 0;
              for (let k = 0; k < n; k += 1) sum += (values[k * n + i] ?? 0) * (values[k * n + j] ?? 0);
              a[i * n + j] = sum;
            }
          const factor = cholesky(a, n);
          expect(factor).toBeDefined();
          const inverse = choleskyInverse(factor ?? new Float64Array(), n);
          for (let i = 0; i < n; i += 1)
            for (let j = 0; j < n; j += 1) {
              let sum = 0;
              for (let k = 0; k < n; k += 1) sum += (a[i * n + k] ?? 0) * (inverse[k * n + j] ?? 0);
              expect(sum).toBeCloseTo(i === j ? 1 : 0, 8);
            }
        },
      ),
    );
  });
});

describe('erfc and normal p-values', () => {
  it('matches reference values across the range, far into the tail', () => {
    const reference: Array<[number, number]> = [
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047266],
      [3, 2.209049699858544e-5],
      [5, 1.5374597944280349e-12],
      [10, 2.088487583762545e-45],
      [-1, 1.8427007929497148],
    ];
    for (const [x, expected] of reference) expect(erfc(x) / expected).toBeCloseTo(1, 12);
  });

  it('gives the familiar two-sided p-values', () => {
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedNormalP(0)).toBe(1);
    expect(twoSidedNormalP(-2.5758293035489)).toBeCloseTo(0.01, 12);
  });
});
