/**
 * The little dense linear algebra the scorecard needs: symmetric positive-definite systems of the size
 * of the number of characteristics (tens), solved by Cholesky. Matrices are row-major `Float64Array`s.
 */

/**
 * The lower-triangular Cholesky factor L of a symmetric positive-definite matrix A (A = L·Lᵀ), or
 * `undefined` when A is not positive definite (collinear features).
 */
export function cholesky(matrix: Float64Array, size: number): Float64Array | undefined {
  const factor = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i * size + j] ?? 0;
      for (let k = 0; k < j; k += 1) sum -= (factor[i * size + k] ?? 0) * (factor[j * size + k] ?? 0);
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return undefined;
        factor[i * size + i] = Math.sqrt(sum);
      } else {
        factor[i * size + j] = sum / (factor[j * size + j] ?? 1);
      }
    }
  }
  return factor;
}

/** Solves L·Lᵀ·x = b given the Cholesky factor L. */
export function choleskySolve(factor: Float64Array, size: number, rhs: ArrayLike<number>): Float64Array {
  const y = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    let sum = rhs[i] ?? 0;
    for (let k = 0; k < i; k += 1) sum -= (factor[i * size + k] ?? 0) * (y[k] ?? 0);
    y[i] = sum / (factor[i * size + i] ?? 1);
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i -= 1) {
    let sum = y[i] ?? 0;
    for (let k = i + 1; k < size; k += 1) sum -= (factor[k * size + i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (factor[i * size + i] ?? 1);
  }
  return x;
}

/** The inverse of A from its Cholesky factor (for standard errors and VIF). */
export function choleskyInverse(factor: Float64Array, size: number): Float64Array {
  const inverse = new Float64Array(size * size);
  const unit = new Float64Array(size);
  for (let j = 0; j < size; j += 1) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(factor, size, unit);
    for (let i = 0; i < size; i += 1) inverse[i * size + j] = column[i] ?? 0;
  }
  return inverse;
}

/**
 * The complementary error function, erfc(x), to about 1e-15 relative accuracy: a continued fraction for
 * large |x| and the Maclaurin series of erf for small |x|. Used for Wald p-values, which must stay
 * meaningful far in the tail (p = 1e-12 is not 0).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 100; n += 1) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (x > 27) return 0;
  // Lentz's algorithm for erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + …)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n += 1) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
