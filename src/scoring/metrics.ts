/**
 * Model metrics. Predictions are "higher means more likely bad" (a PD, or a negated score); labels are
 * 1 for bad. Everything is exact for ties: AUC is the Mann–Whitney statistic with mid-ranks, KS is read
 * only at distinct prediction values.
 */

/** Counts of bads and goods at each distinct prediction value, in ascending order of the value. */
export interface RankedCounts {
  readonly values: Float64Array;
  readonly bads: Float64Array;
  readonly goods: Float64Array;
}

export function rankedCounts(predictions: ArrayLike<number>, labels: ArrayLike<number>): RankedCounts {
  // Two native numeric sorts (bads, goods) and a merge: much faster than sorting indices with a comparator.
  let badCount = 0;
  for (let i = 0; i < labels.length; i += 1) badCount += (labels[i] ?? 0) === 1 ? 1 : 0;
  const badValues = new Float64Array(badCount);
  const goodValues = new Float64Array(predictions.length - badCount);
  let b = 0;
  let g = 0;
  for (let i = 0; i < predictions.length; i += 1) {
    if (Number.isNaN(predictions[i])) throw new RangeError(`prediction ${i} is NaN`);
    if ((labels[i] ?? 0) === 1) badValues[(b += 1) - 1] = predictions[i] ?? 0;
    else goodValues[(g += 1) - 1] = predictions[i] ?? 0;
  }
  badValues.sort();
  goodValues.sort();
  const values: number[] = [];
  const bads: number[] = [];
  const goods: number[] = [];
  let ib = 0;
  let ig = 0;
  while (ib < badValues.length || ig < goodValues.length) {
    const nextBad = ib < badValues.length ? (badValues[ib] ?? 0) : Number.POSITIVE_INFINITY;
    const nextGood = ig < goodValues.length ? (goodValues[ig] ?? 0) : Number.POSITIVE_INFINITY;
    const value = Math.min(nextBad, nextGood);
    let countBad = 0;
    let countGood = 0;
    while (ib < badValues.length && badValues[ib] === value) {
      countBad += 1;
      ib += 1;
    }
    while (ig < goodValues.length && goodValues[ig] === value) {
      countGood += 1;
      ig += 1;
    }
    values.push(value);
    bads.push(countBad);
    goods.push(countGood);
  }
  return {
    values: Float64Array.from(values),
    bads: Float64Array.from(bads),
    goods: Float64Array.from(goods),
  };
}

/**
 * Area under the ROC curve: the probability that a random bad has a higher prediction than a random
 * good, ties counted as one half (Mann–Whitney U / (bads · goods)). NaN when one class is absent.
 */
export function aucOf(counts: RankedCounts): number {
  let goodsBelow = 0;
  let pairs = 0;
  let totalBads = 0;
  let totalGoods = 0;
  for (let k = 0; k < counts.values.length; k += 1) {
    const b = counts.bads[k] ?? 0;
    const g = counts.goods[k] ?? 0;
    pairs += b * (goodsBelow + g / 2);
    goodsBelow += g;
    totalBads += b;
    totalGoods += g;
  }
  return totalBads === 0 || totalGoods === 0 ? Number.NaN : pairs / (totalBads * totalGoods);
}

/** Kolmogorov–Smirnov: the largest gap between the cumulative shares of bads and goods. */
export function ksOf(counts: RankedCounts): number {
  let totalBads = 0;
  let totalGoods = 0;
  for (let k = 0; k < counts.values.length; k += 1) {
    totalBads += counts.bads[k] ?? 0;
    totalGoods += counts.goods[k] ?? 0;
  }
  if (totalBads === 0 || totalGoods === 0) return Number.NaN;
  let cumBads = 0;
  let cumGoods = 0;
  let ks = 0;
  for (let k = 0; k < counts.values.length; k += 1) {
    cumBads += counts.bads[k] ?? 0;
    cumGoods += counts.goods[k] ?? 0;
    ks = Math.max(ks, Math.abs(cumGoods / totalGoods - cumBads / totalBads));
  }
  return ks;
}

/** ROC points (false-positive rate, true-positive rate) from the highest prediction down. */
export function rocCurve(counts: RankedCounts): Array<{ fpr: number; tpr: number }> {
  let totalBads = 0;
  let totalGoods = 0;
  for (let k = 0; k < counts.values.length; k += 1) {
    totalBads += counts.bads[k] ?? 0;
    totalGoods += counts.goods[k] ?? 0;
  }
  const points = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = counts.values.length - 1; k >= 0; k -= 1) {
    tp += counts.bads[k] ?? 0;
    fp += counts.goods[k] ?? 0;
    points.push({ fpr: totalGoods === 0 ? 0 : fp / totalGoods, tpr: totalBads === 0 ? 0 : tp / totalBads });
  }
  return points;
}

/** Mean squared error of the predicted probability. */
export function brierOf(pd: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < pd.length; i += 1) sum += ((pd[i] ?? 0) - (labels[i] ?? 0)) ** 2;
  return pd.length === 0 ? Number.NaN : sum / pd.length;
}

/** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLossOf(pd: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < pd.length; i += 1) {
    const p = Math.min(Math.max(pd[i] ?? 0, 1e-15), 1 - 1e-15);
    sum -= (labels[i] ?? 0) === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return pd.length === 0 ? Number.NaN : sum / pd.length;
}

export interface CalibrationBand {
  /** The band of scores, `[from, to)` (the last band includes its upper end). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly bads: number;
  /** Observed bad rate in the band. */
  readonly observed: number;
  /** Mean predicted PD in the band. */
  readonly predicted: number;
}

/** Observed against predicted bad rate in fixed score bands; empty bands are kept (count 0). */
export function calibrationByBand(
  scores: ArrayLike<number>,
  pd: ArrayLike<number>,
  labels: ArrayLike<number>,
  edges: readonly number[],
): CalibrationBand[] {
  const bands = edges.length - 1;
  const count = new Float64Array(bands);
  const bads = new Float64Array(bands);
  const predicted = new Float64Array(bands);
  for (let i = 0; i < scores.length; i += 1) {
    const band = bandOf(edges, scores[i] ?? 0);
    count[band] = (count[band] ?? 0) + 1;
    bads[band] = (bads[band] ?? 0) + (labels[i] ?? 0);
    predicted[band] = (predicted[band] ?? 0) + (pd[i] ?? 0);
  }
  return Array.from({ length: bands }, (_, b) => {
    const c = count[b] ?? 0;
    return {
      from: edges[b] ?? 0,
      to: edges[b + 1] ?? 0,
      count: c,
      bads: bads[b] ?? 0,
      observed: c === 0 ? 0 : (bads[b] ?? 0) / c,
      predicted: c === 0 ? 0 : (predicted[b] ?? 0) / c,
    };
  });
}

/** The band of a value among ascending edges; values outside go to the first or last band. */
export function bandOf(edges: readonly number[], value: number): number {
  const bands = edges.length - 1;
  let lo = 0;
  let hi = bands;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid + 1] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, bands - 1);
}

/** The ε that stands in for an empty share in PSI, so an empty or new bin counts instead of being dropped. */
export const DEFAULT_PSI_EPSILON = 1e-4;

export type StabilityVerdict = 'stable' | 'monitor' | 'unstable';

export interface Stability {
  readonly value: number;
  readonly verdict: StabilityVerdict;
  readonly epsilon: number;
  /** Per bin: expected and actual shares and the bin's contribution. */
  readonly bins: ReadonlyArray<{
    readonly expected: number;
    readonly actual: number;
    readonly contribution: number;
  }>;
}

/**
 * Population stability index between an expected and an actual distribution over the same bins:
 * Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ), each share floored at ε. Every bin counts, including bins empty on one side and
 * bins that only the actual sample has (new categories, values in a bin that was empty in training).
 * Verdicts: < 0.1 stable, < 0.25 monitor, else unstable.
 */
export function stabilityIndex(
  expectedCounts: readonly number[],
  actualCounts: readonly number[],
  epsilon = DEFAULT_PSI_EPSILON,
): Stability {
  if (expectedCounts.length !== actualCounts.length) {
    throw new RangeError('expected and actual counts must cover the same bins');
  }
  const expectedTotal = expectedCounts.reduce((s, c) => s + c, 0);
  const actualTotal = actualCounts.reduce((s, c) => s + c, 0);
  let value = 0;
  const bins = expectedCounts.map((count, b) => {
    const expected = Math.max(expectedTotal === 0 ? 0 : count / expectedTotal, epsilon);
    const actual = Math.max(actualTotal === 0 ? 0 : (actualCounts[b] ?? 0) / actualTotal, epsilon);
    const contribution = expected === actual ? 0 : (actual - expected) * Math.log(actual / expected);
    value += contribution;
    return { expected, actual, contribution };
  });
  return { value, verdict: value < 0.1 ? 'stable' : value < 0.25 ? 'monitor' : 'unstable', epsilon, bins };
}
