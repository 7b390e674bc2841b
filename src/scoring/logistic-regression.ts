import { cholesky, choleskyInverse, choleskySolve, twoSidedNormalP } from './linear-algebra.ts';

/**
 * Logistic regression by Newton–Raphson (iteratively reweighted least squares) with an optional L2
 * penalty on the slopes (never on the intercept). Each step solves the p×p system by Cholesky; a step
 * that lowers the penalised likelihood is halved. Standard errors come from the inverse of the penalised
 * information matrix at the optimum; Wald z = β/se and a two-sided p-value.
 */
export interface LogisticOptions {
  /** L2 penalty λ on the slopes: the objective is loglik − λ/2·Σβ² (default 0). */
  readonly l2: number;
  readonly maxIterations: number;
  /** Converged when the largest change of a coefficient is below this (default 1e-8). */
  readonly tolerance: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { l2: 0, maxIterations: 50, tolerance: 1e-8 };

export interface LogisticFit {
  /** Intercept first, then one coefficient per column. */
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  readonly pValues: Float64Array;
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest |gradient| of the penalised log-likelihood at the end (≈ 0 when converged). */
  readonly gradientNorm: number;
  /** Set when the information matrix was singular and a tiny ridge had to be added. */
  readonly ridgeAdded: number;
}

/**
 * Fits y ~ σ(β₀ + Σ βⱼ·xⱼ). `columns[j][i]` is feature j of row i; `y[i]` is 0 or 1; optional `weights`
 * count repeated rows; optional `start` (intercept first) warm-starts a refit from a previous solution.
 */
export function fitLogistic(
  columns: readonly Float64Array[],
  y: Uint8Array,
  options: LogisticOptions = DEFAULT_LOGISTIC,
  weights?: Float64Array,
  start?: ArrayLike<number>,
): LogisticFit {
  const n = y.length;
  const p = columns.length + 1;
  // Column 0 is the intercept. The normal equations are dot products of whole columns: one pass per
  // pair of columns with the sum in a register, which beats accumulating p² cells per row.
  const ones = new Float64Array(n).fill(1);
  const design: readonly Float64Array[] = [ones, ...columns];
  const weight = weights ?? ones;
  let totalWeight = 0;
  let positives = 0;
  for (let i = 0; i < n; i += 1) {
    totalWeight += weight[i] ?? 0;
    positives += (weight[i] ?? 0) * (y[i] ?? 0);
  }
  const base = Math.min(Math.max(positives / totalWeight, 1e-6), 1 - 1e-6);
  let beta = new Float64Array(p);
  beta[0] = Math.log(base / (1 - base));
  if (start !== undefined && start.length === p) {
    for (let j = 0; j < p; j += 1) beta[j] = start[j] ?? 0;
  }

  const eta = new Float64Array(n);
  const linear = (coefficients: Float64Array): void => {
    eta.fill(coefficients[0] ?? 0);
    for (let j = 1; j < p; j += 1) {
      const b = coefficients[j] ?? 0;
      const column = design[j] ?? ones;
      if (b !== 0) for (let i = 0; i < n; i += 1) eta[i] = (eta[i] ?? 0) + b * (column[i] ?? 0);
    }
  };
  const penalised = (coefficients: Float64Array): number => {
    linear(coefficients);
    let loglik = 0;
    for (let i = 0; i < n; i += 1) {
      const e = eta[i] ?? 0;
      // log σ(e) and log(1 − σ(e)) computed stably.
      const logOnePlus = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
      loglik += (weight[i] ?? 0) * ((y[i] ?? 0) * e - logOnePlus);
    }
    let penalty = 0;
    for (let j = 1; j < p; j += 1) penalty += (coefficients[j] ?? 0) ** 2;
    return loglik - (options.l2 / 2) * penalty;
  };

  const information = new Float64Array(p * p);
  const gradient = new Float64Array(p);
  const w = new Float64Array(n);
  const residual = new Float64Array(n);
  const weighted = new Float64Array(n);
  let objective = penalised(beta);
  let converged = false;
  let iterations = 1;
  let ridgeAdded = 0;
  let factor: Float64Array | undefined;

  const buildSystem = (): void => {
    for (let i = 0; i < n; i += 1) {
      const m = 1 / (1 + Math.exp(-(eta[i] ?? 0)));
      w[i] = (weight[i] ?? 0) * m * (1 - m);
      residual[i] = (weight[i] ?? 0) * ((y[i] ?? 0) - m);
    }
    for (let j = 0; j < p; j += 1) {
      const cj = design[j] ?? ones;
      let g = 0;
      for (let i = 0; i < n; i += 1) {
        const x = cj[i] ?? 0;
        g += (residual[i] ?? 0) * x;
        weighted[i] = (w[i] ?? 0) * x;
      }
      gradient[j] = g - (j === 0 ? 0 : options.l2 * (beta[j] ?? 0));
      for (let k = 0; k <= j; k += 1) {
        const ck = design[k] ?? ones;
        let sum = 0;
        for (let i = 0; i < n; i += 1) sum += (weighted[i] ?? 0) * (ck[i] ?? 0);
        information[j * p + k] = sum;
        information[k * p + j] = sum;
      }
      if (j > 0) information[j * p + j] = (information[j * p + j] ?? 0) + options.l2;
    }
    factor = cholesky(information, p);
    if (factor === undefined) {
      // Collinear columns: add the smallest ridge that makes the system solvable, and say so.
      let trace = 0;
      for (let j = 0; j < p; j += 1) trace += information[j * p + j] ?? 0;
      let ridge = Math.max(1e-12, (trace / p) * 1e-10);
      while (factor === undefined && ridge < 1e6) {
        const ridged = Float64Array.from(information);
        for (let j = 0; j < p; j += 1) ridged[j * p + j] = (ridged[j * p + j] ?? 0) + ridge;
        factor = cholesky(ridged, p);
        if (factor === undefined) ridge *= 10;
      }
      ridgeAdded = Math.max(ridgeAdded, ridge);
    }
  };

  for (; iterations <= options.maxIterations; iterations += 1) {
    buildSystem();
    if (factor === undefined) break;
    const step = choleskySolve(factor, p, gradient);
    let scale = 1;
    const candidate = new Float64Array(p);
    let candidateObjective = Number.NEGATIVE_INFINITY;
    for (let halving = 0; halving < 30; halving += 1) {
      for (let j = 0; j < p; j += 1) candidate[j] = (beta[j] ?? 0) + scale * (step[j] ?? 0);
      candidateObjective = penalised(candidate);
      if (candidateObjective >= objective - 1e-12 * Math.abs(objective)) break;
      scale /= 2;
    }
    let largest = 0;
    for (let j = 0; j < p; j += 1)
      largest = Math.max(largest, Math.abs((candidate[j] ?? 0) - (beta[j] ?? 0)));
    beta = candidate;
    objective = candidateObjective;
    if (largest < options.tolerance) {
      converged = true;
      break;
    }
  }
  iterations = Math.min(iterations, options.maxIterations);
  // Final system at the optimum for the gradient check and the standard errors.
  linear(beta);
  buildSystem();
  let gradientNorm = 0;
  for (let j = 0; j < p; j += 1) gradientNorm = Math.max(gradientNorm, Math.abs(gradient[j] ?? 0));
  const standardErrors = new Float64Array(p).fill(Number.NaN);
  const pValues = new Float64Array(p).fill(Number.NaN);
  if (factor !== undefined) {
    const inverse = choleskyInverse(factor, p);
    for (let j = 0; j < p; j += 1) {
      const se = Math.sqrt(inverse[j * p + j] ?? Number.NaN);
      standardErrors[j] = se;
      pValues[j] = twoSidedNormalP((beta[j] ?? 0) / se);
    }
  }
  return {
    coefficients: beta,
    standardErrors,
    pValues,
    logLikelihood: objective + (options.l2 / 2) * beta.slice(1).reduce((s, b) => s + b * b, 0),
    iterations,
    converged,
    gradientNorm,
    ridgeAdded,
  };
}

/** σ(x) = 1 / (1 + e^(−x)). */
export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}
