import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoSidedNormalP } from './linear-algebra.ts';
import { fitLogistic, sigmoid } from './logistic-regression.ts';

/** Rows of a 2×2 table: x ∈ {0,1}, y ∈ {0,1}, with the given counts. */
function table(n00: number, n01: number, n10: number, n11: number): { x: Float64Array; y: Uint8Array } {
  const x: number[] = [];
  const y: number[] = [];
  const push = (xv: number, yv: number, count: number) => {
    for (let k = 0; k < count; k += 1) {
      x.push(xv);
      y.push(yv);
    }
  };
  push(0, 0, n00);
  push(0, 1, n01);
  push(1, 0, n10);
  push(1, 1, n11);
  return { x: Float64Array.from(x), y: Uint8Array.from(y) };
}

describe('fitLogistic (IRLS)', () => {
  it('given one binary feature, finds the closed form: intercept = log odds at x=0, slope = log odds ratio', () => {
    const { x, y } = table(80, 20, 40, 60);
    const fit = fitLogistic([x], y);
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(20 / 80), 9);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(60 / 40 / (20 / 80)), 9);
    // Standard error of a log odds ratio: sqrt(1/a + 1/b + 1/c + 1/d).
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 80 + 1 / 20 + 1 / 40 + 1 / 60), 8);
    const z = Math.log(60 / 40 / (20 / 80)) / Math.sqrt(1 / 80 + 1 / 20 + 1 / 40 + 1 / 60);
    expect((fit.pValues[1] ?? 0) / twoSidedNormalP(z)).toBeCloseTo(1, 6);
    expect(fit.gradientNorm).toBeLessThan(1e-6);
  });

  it('with an L2 penalty, shrinks the slope but not the intercept, and the penalised gradient is zero', () => {
    const { x, y } = table(80, 20, 40, 60);
    const free = fitLogistic([x], y);
    const ridge = fitLogistic([x], y, { l2: 20, maxIterations: 50, tolerance: 1e-10 });
    expect(Math.abs(ridge.coefficients[1] ?? 0)).toBeLessThan(Math.abs(free.coefficients[1] ?? 0));
    expect(ridge.converged).toBe(true);
    // Score equations: Σ(y − μ) = 0 and Σ x(y − μ) = λβ.
    let r0 = 0;
    let r1 = 0;
    for (let i = 0; i < y.length; i += 1) {
      const mu = sigmoid((ridge.coefficients[0] ?? 0) + (ridge.coefficients[1] ?? 0) * (x[i] ?? 0));
      r0 += (y[i] ?? 0) - mu;
      r1 += (x[i] ?? 0) * ((y[i] ?? 0) - mu);
    }
    expect(r0).toBeCloseTo(0, 7);
    expect(r1).toBeCloseTo(20 * (ridge.coefficients[1] ?? 0), 7);
  });

  it('meets the score equations on random data (gradient ≈ 0 at the optimum)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -2, max: 2, noNaN: true }),
            fc.double({ min: -2, max: 2, noNaN: true }),
            fc.boolean(),
          ),
          {
            minLength: 40,
            maxLength: 120,
          },
        ),
        (rows) => {
          const bads = rows.filter(([, , bad]) => bad).length;
          fc.pre(bads >= 5 && bads <= rows.length - 5);
          const a = Float64Array.from(rows.map(([v]) => v));
          const b = Float64Array.from(rows.map(([, v]) => v));
          const y = Uint8Array.from(rows.map(([, , bad]) => (bad ? 1 : 0)));
          const fit = fitLogistic([a, b], y, { l2: 0.1, maxIterations: 100, tolerance: 1e-10 });
          expect(fit.converged).toBe(true);
          expect(fit.gradientNorm).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adds a ridge for collinear columns and says so', () => {
    const { x, y } = table(80, 20, 40, 60);
    const fit = fitLogistic([x, Float64Array.from(x)], y, { l2: 0, maxIterations: 50, tolerance: 1e-8 });
    expect(fit.ridgeAdded).toBeGreaterThan(0);
    // The two copies share the effect.
    expect((fit.coefficients[1] ?? 0) + (fit.coefficients[2] ?? 0)).toBeCloseTo(
      Math.log(60 / 40 / (20 / 80)),
      4,
    );
  });
});
