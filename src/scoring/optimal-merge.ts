import { ivTermOf } from './woe.ts';

/**
 * The shape the event rate (bad rate) must take across the merged bins: strictly ascending, strictly
 * descending, up then down (`peak`), down then up (`valley`) or unconstrained (`none`).
 */
export type Shape = 'ascending' | 'descending' | 'peak' | 'valley' | 'none';

export interface MergeConstraints {
  /** At most this many merged bins. */
  readonly maxBins: number;
  /** Each merged bin holds at least this many rows. */
  readonly minCount: number;
  readonly minGoods: number;
  readonly minBads: number;
  readonly shape: Shape;
  /** The WoE smoothing α (> 0). */
  readonly alpha: number;
  /** Goods and bads of the whole sample (including missing and special values), for the IV terms. */
  readonly totalGoods: number;
  readonly totalBads: number;
}

export interface MergeResult {
  /** Exclusive end of each merged bin, in prebin indices; the last is the number of prebins. */
  readonly ends: readonly number[];
  /** The information value of the merge (the objective). */
  readonly iv: number;
  /** false when no merge met the constraints and all prebins were put in one bin. */
  readonly feasible: boolean;
}

interface Transition {
  readonly from: number;
  readonly to: number;
  /** -1: the previous bin's rate must be lower; +1: higher; 0: no condition. */
  readonly order: -1 | 0 | 1;
}

/** Phase 0 is the first leg of the shape, phase 1 the second (peak and valley only). */
const TRANSITIONS: Readonly<Record<Shape, readonly Transition[]>> = {
  ascending: [{ from: 0, to: 0, order: -1 }],
  descending: [{ from: 0, to: 0, order: 1 }],
  peak: [
    { from: 0, to: 0, order: -1 },
    { from: 0, to: 1, order: 1 },
    { from: 1, to: 1, order: 1 },
  ],
  valley: [
    { from: 0, to: 0, order: 1 },
    { from: 0, to: 1, order: -1 },
    { from: 1, to: 1, order: -1 },
  ],
  none: [{ from: 0, to: 0, order: 0 }],
};

const NONE = -1;

/**
 * The exact optimal merge of adjacent prebins: among all partitions of the prebins into at most
 * `maxBins` contiguous groups that meet the size constraints and whose event rates follow `shape`, the
 * one with the largest information value. Dynamic programming over (number of groups, shape phase,
 * start of the last group, its end); for each state the best predecessor is found by a binary search in
 * the candidates sorted by event rate with running maxima, so the whole search is O(K·B²·log B) for B
 * prebins and K bins rather than the O(K·B³) of the plain recurrence, and never greedy.
 * Ties go to fewer bins, then to the earliest cut, so the result is deterministic.
 */
export function optimalMerge(
  goods: ArrayLike<number>,
  bads: ArrayLike<number>,
  constraints: MergeConstraints,
): MergeResult {
  const prebins = goods.length;
  if (prebins === 0) return { ends: [], iv: 0, feasible: true };
  const cumGoods = new Float64Array(prebins + 1);
  const cumBads = new Float64Array(prebins + 1);
  for (let k = 0; k < prebins; k += 1) {
    cumGoods[k + 1] = (cumGoods[k] ?? 0) + (goods[k] ?? 0);
    cumBads[k + 1] = (cumBads[k] ?? 0) + (bads[k] ?? 0);
  }
  const span = prebins + 1;
  // Group [i, j) statistics, row-major by i.
  const term = new Float64Array(span * span).fill(Number.NEGATIVE_INFINITY);
  const rate = new Float64Array(span * span);
  for (let i = 0; i < prebins; i += 1) {
    for (let j = i + 1; j <= prebins; j += 1) {
      const g = (cumGoods[j] ?? 0) - (cumGoods[i] ?? 0);
      const b = (cumBads[j] ?? 0) - (cumBads[i] ?? 0);
      rate[i * span + j] = b / (g + b);
      if (g + b >= constraints.minCount && g >= constraints.minGoods && b >= constraints.minBads) {
        term[i * span + j] = ivTermOf(g, b, constraints.totalGoods, constraints.totalBads, constraints.alpha);
      }
    }
  }

  const transitions = TRANSITIONS[constraints.shape];
  const phases = constraints.shape === 'peak' || constraints.shape === 'valley' ? 2 : 1;
  const maxBins = Math.max(1, Math.min(constraints.maxBins, prebins));
  const layer = phases * span * span;
  // value[m][phase][i][j]: best IV of prebins [0, j) in m+1 groups whose last group is [i, j).
  const value = new Float64Array(maxBins * layer).fill(Number.NEGATIVE_INFINITY);
  // back[...]: start of the previous group, times 2, plus its phase.
  const back = new Int32Array(maxBins * layer).fill(NONE);
  const at = (m: number, phase: number, i: number, j: number): number =>
    m * layer + phase * span * span + i * span + j;

  for (let j = 1; j <= prebins; j += 1) value[at(0, 0, 0, j)] = term[j] ?? Number.NEGATIVE_INFINITY;

  const keys = new Float64Array(span);
  const vals = new Float64Array(span);
  const order = new Int32Array(span);
  const prefixBest = new Float64Array(span);
  const prefixArg = new Int32Array(span);
  const suffixBest = new Float64Array(span);
  const suffixArg = new Int32Array(span);

  for (let m = 1; m < maxBins; m += 1) {
    for (let i = 1; i < prebins; i += 1) {
      for (let from = 0; from < phases; from += 1) {
        // Candidates: previous groups [h, i) reached in m groups and phase `from`.
        let count = 0;
        for (let h = 0; h < i; h += 1) {
          const v = value[at(m - 1, from, h, i)] ?? Number.NEGATIVE_INFINITY;
          if (v === Number.NEGATIVE_INFINITY) continue;
          order[count] = h;
          count += 1;
        }
        if (count === 0) continue;
        const sorted = Array.from(order.subarray(0, count)).sort(
          (a, b) => (rate[a * span + i] ?? 0) - (rate[b * span + i] ?? 0) || a - b,
        );
        for (let k = 0; k < count; k += 1) {
          const h = sorted[k] ?? 0;
          keys[k] = rate[h * span + i] ?? 0;
          vals[k] = value[at(m - 1, from, h, i)] ?? Number.NEGATIVE_INFINITY;
          order[k] = h;
        }
        for (let k = 0; k < count; k += 1) {
          const v = vals[k] ?? Number.NEGATIVE_INFINITY;
          const previous =
            k === 0 ? Number.NEGATIVE_INFINITY : (prefixBest[k - 1] ?? Number.NEGATIVE_INFINITY);
          if (v > previous) {
            prefixBest[k] = v;
            prefixArg[k] = order[k] ?? 0;
          } else {
            prefixBest[k] = previous;
            prefixArg[k] = prefixArg[k - 1] ?? 0;
          }
        }
        for (let k = count - 1; k >= 0; k -= 1) {
          const v = vals[k] ?? Number.NEGATIVE_INFINITY;
          const next =
            k === count - 1 ? Number.NEGATIVE_INFINITY : (suffixBest[k + 1] ?? Number.NEGATIVE_INFINITY);
          if (v > next) {
            suffixBest[k] = v;
            suffixArg[k] = order[k] ?? 0;
          } else {
            suffixBest[k] = next;
            suffixArg[k] = suffixArg[k + 1] ?? 0;
          }
        }
        for (const transition of transitions) {
          if (transition.from !== from) continue;
          for (let j = i + 1; j <= prebins; j += 1) {
            const own = term[i * span + j] ?? Number.NEGATIVE_INFINITY;
            if (own === Number.NEGATIVE_INFINITY) continue;
            const current = rate[i * span + j] ?? 0;
            let best = Number.NEGATIVE_INFINITY;
            let arg = NONE;
            if (transition.order === -1) {
              const below = lowerBound(keys, count, current);
              if (below > 0) {
                best = prefixBest[below - 1] ?? best;
                arg = prefixArg[below - 1] ?? NONE;
              }
            } else if (transition.order === 1) {
              const above = upperBound(keys, count, current);
              if (above < count) {
                best = suffixBest[above] ?? best;
                arg = suffixArg[above] ?? NONE;
              }
            } else {
              best = prefixBest[count - 1] ?? best;
              arg = prefixArg[count - 1] ?? NONE;
            }
            if (arg === NONE) continue;
            const total = best + own;
            const cell = at(m, transition.to, i, j);
            if (total > (value[cell] ?? Number.NEGATIVE_INFINITY)) {
              value[cell] = total;
              back[cell] = arg * 2 + from;
            }
          }
        }
      }
    }
  }

  let bestValue = Number.NEGATIVE_INFINITY;
  let bestM = NONE;
  let bestPhase = 0;
  let bestStart = 0;
  for (let m = 0; m < maxBins; m += 1) {
    for (let phase = 0; phase < phases; phase += 1) {
      for (let i = 0; i < prebins; i += 1) {
        const v = value[at(m, phase, i, prebins)] ?? Number.NEGATIVE_INFINITY;
        // A strictly better value (beyond rounding noise) is needed to prefer more bins.
        if (v === Number.NEGATIVE_INFINITY) continue;
        if (bestM === NONE || v > bestValue + 1e-12 * Math.max(1, Math.abs(bestValue))) {
          bestValue = v;
          bestM = m;
          bestPhase = phase;
          bestStart = i;
        }
      }
    }
  }
  if (bestM === NONE) {
    const g = cumGoods[prebins] ?? 0;
    const b = cumBads[prebins] ?? 0;
    return {
      ends: [prebins],
      iv: ivTermOf(g, b, constraints.totalGoods, constraints.totalBads, constraints.alpha),
      feasible: false,
    };
  }
  const ends: number[] = [prebins];
  let m = bestM;
  let phase = bestPhase;
  let start = bestStart;
  let end = prebins;
  while (m > 0) {
    const pointer = back[at(m, phase, start, end)] ?? NONE;
    const previousStart = Math.floor(pointer / 2);
    phase = pointer % 2;
    end = start;
    start = previousStart;
    ends.unshift(end);
    m -= 1;
  }
  return { ends, iv: bestValue, feasible: true };
}

/** Number of keys strictly below `value` (keys sorted ascending). */
function lowerBound(keys: Float64Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first key strictly above `value`. */
function upperBound(keys: Float64Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
