import { cholesky, choleskyInverse } from './linear-algebra.ts';

/**
 * Feature selection before the regression: by information value, by pairwise correlation of the WoE
 * columns, and by variance inflation. Every feature left out is reported with the reason.
 */
export interface SelectionOptions {
  /** Features with a smaller IV are left out (default 0.02, "unpredictive"). */
  readonly minIv: number;
  /** Of two features whose WoE columns correlate beyond this (|r|), the one with the lower IV goes (0.7). */
  readonly maxCorrelation: number;
  /** While a feature's VIF exceeds this, the one with the highest VIF goes (default 5). */
  readonly maxVif: number;
}

export const DEFAULT_SELECTION: SelectionOptions = { minIv: 0.02, maxCorrelation: 0.7, maxVif: 5 };

export const DROP_REASONS = [
  'excluded',
  'no-variation',
  'low-iv',
  'correlated',
  'high-vif',
  'wrong-sign',
  'not-significant',
] as const;

/** Why a feature is not in the model. */
export type DropReason = (typeof DROP_REASONS)[number];

export interface DroppedFeature {
  readonly feature: string;
  readonly reason: DropReason;
  /** A sentence with the figures behind the decision. */
  readonly detail: string;
}

export interface SelectionCandidate {
  readonly feature: string;
  readonly iv: number;
  /** The WoE value of each training row. */
  readonly woe: Float64Array;
}

export interface SelectionResult {
  /** Kept features, highest IV first. */
  readonly kept: readonly SelectionCandidate[];
  readonly dropped: readonly DroppedFeature[];
}

/** Pearson correlation of two columns; 0 when either is constant. */
export function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i += 1) {
    meanA += a[i] ?? 0;
    meanB += b[i] ?? 0;
  }
  meanA /= n;
  meanB /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i += 1) {
    const da = (a[i] ?? 0) - meanA;
    const db = (b[i] ?? 0) - meanB;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

function variance(column: Float64Array): number {
  const n = column.length;
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += column[i] ?? 0;
  mean /= n;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += ((column[i] ?? 0) - mean) ** 2;
  return n === 0 ? 0 : sum / n;
}

/**
 * Variance inflation factors of the columns: the diagonal of the inverse correlation matrix
 * (VIF_j = 1 / (1 − R²_j) of column j regressed on the others). Infinite for exactly collinear columns.
 */
export function varianceInflation(matrix: Float64Array, size: number): Float64Array {
  const factor = cholesky(matrix, size);
  if (factor === undefined) return new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const inverse = choleskyInverse(factor, size);
  return Float64Array.from({ length: size }, (_, j) => inverse[j * size + j] ?? Number.POSITIVE_INFINITY);
}

function format(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Applies the three filters in order: IV, pairwise correlation, VIF. */
export function selectFeatures(
  candidates: readonly SelectionCandidate[],
  options: SelectionOptions = DEFAULT_SELECTION,
): SelectionResult {
  const dropped: DroppedFeature[] = [];
  // Each pair's correlation is needed by both the pairwise filter and every VIF round: compute it once.
  const cache = new Map<string, number>();
  const correlationOf = (a: SelectionCandidate, b: SelectionCandidate): number => {
    const key = a.feature < b.feature ? `${a.feature}\u0000${b.feature}` : `${b.feature}\u0000${a.feature}`;
    let r = cache.get(key);
    if (r === undefined) {
      r = correlation(a.woe, b.woe);
      cache.set(key, r);
    }
    return r;
  };
  const byIv = [...candidates].sort((a, b) => b.iv - a.iv || (a.feature < b.feature ? -1 : 1));
  const informative: SelectionCandidate[] = [];
  for (const candidate of byIv) {
    if (variance(candidate.woe) < 1e-18) {
      dropped.push({
        feature: candidate.feature,
        reason: 'no-variation',
        detail: 'every training row falls in the same bin',
      });
    } else if (candidate.iv < options.minIv) {
      dropped.push({
        feature: candidate.feature,
        reason: 'low-iv',
        detail: `IV ${format(candidate.iv, 4)} is below the minimum ${options.minIv}`,
      });
    } else informative.push(candidate);
  }

  const kept: SelectionCandidate[] = [];
  for (const candidate of informative) {
    let worst: { other: string; r: number } | undefined;
    for (const other of kept) {
      const r = correlationOf(candidate, other);
      if (Math.abs(r) > options.maxCorrelation && (worst === undefined || Math.abs(r) > Math.abs(worst.r))) {
        worst = { other: other.feature, r };
      }
    }
    if (worst === undefined) kept.push(candidate);
    else {
      dropped.push({
        feature: candidate.feature,
        reason: 'correlated',
        detail: `WoE correlation ${format(worst.r)} with ${worst.other}, which has the higher IV (limit ${options.maxCorrelation})`,
      });
    }
  }

  // VIF: drop the most inflated feature until all are within the limit.
  for (;;) {
    if (kept.length < 2) break;
    const size = kept.length;
    const matrix = new Float64Array(size * size);
    for (let a = 0; a < size; a += 1) {
      matrix[a * size + a] = 1;
      for (let b = 0; b < a; b += 1) {
        const first = kept[a];
        const second = kept[b];
        const r = first && second ? correlationOf(first, second) : 0;
        matrix[a * size + b] = r;
        matrix[b * size + a] = r;
      }
    }
    const vif = varianceInflation(matrix, size);
    let worst = -1;
    for (let j = 0; j < size; j += 1) {
      const value = vif[j] ?? 0;
      // Highest VIF goes; on a tie the lower IV (later in the list) goes.
      if (value > options.maxVif && (worst < 0 || value >= (vif[worst] ?? 0))) worst = j;
    }
    if (worst < 0) break;
    const [removed] = kept.splice(worst, 1);
    if (removed) {
      dropped.push({
        feature: removed.feature,
        reason: 'high-vif',
        detail: `VIF ${format(vif[worst] ?? Number.NaN, 2)} exceeds ${options.maxVif}`,
      });
    }
  }
  return { kept, dropped };
}
