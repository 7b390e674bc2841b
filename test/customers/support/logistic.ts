import type { FeatureTable } from '../../../src/customers/features/feature-table.ts';

/**
 * A plain logistic regression, for tests only: it checks that the synthetic label is learnable from the
 * features (and not trivially so). Missing values become 0 plus a "missing" indicator per feature;
 * columns are standardised; fitted by batch gradient descent with a small L2 penalty.
 */
export interface Design {
  readonly rows: number;
  readonly width: number;
  readonly x: Float64Array;
  readonly y: Uint8Array;
}

export function designMatrix(table: FeatureTable, names: readonly string[]): Design {
  const rows = table.bad.length;
  const columns: Float64Array[] = [];
  for (const name of names) {
    const column = table.numeric[name];
    if (!column) throw new Error(`no numeric feature ${name}`);
    const filled = new Float64Array(rows);
    const missing = new Float64Array(rows);
    let anyMissing = false;
    for (let r = 0; r < rows; r += 1) {
      const v = column[r] ?? NaN;
      if (Number.isNaN(v)) {
        missing[r] = 1;
        anyMissing = true;
      } else filled[r] = Math.sign(v) * Math.log1p(Math.abs(v));
    }
    columns.push(filled);
    if (anyMissing) columns.push(missing);
  }
  const width = columns.length;
  const x = new Float64Array(rows * width);
  columns.forEach((column, c) => {
    let mean = 0;
    for (const v of column) mean += v;
    mean /= rows;
    let variance = 0;
    for (const v of column) variance += (v - mean) ** 2;
    const sd = Math.sqrt(variance / rows) || 1;
    for (let r = 0; r < rows; r += 1) x[r * width + c] = ((column[r] ?? 0) - mean) / sd;
  });
  return { rows, width, x, y: table.bad };
}

export function fitLogistic(design: Design, iterations = 300, rate = 0.5, l2 = 1e-3): Float64Array {
  const { rows, width, x, y } = design;
  const weights = new Float64Array(width + 1);
  const gradient = new Float64Array(width + 1);
  for (let it = 0; it < iterations; it += 1) {
    gradient.fill(0);
    for (let r = 0; r < rows; r += 1) {
      let z = weights[width] ?? 0;
      for (let c = 0; c < width; c += 1) z += (weights[c] ?? 0) * (x[r * width + c] ?? 0);
      const error = 1 / (1 + Math.exp(-z)) - (y[r] ?? 0);
      for (let c = 0; c < width; c += 1) gradient[c] = (gradient[c] ?? 0) + error * (x[r * width + c] ?? 0);
      gradient[width] = (gradient[width] ?? 0) + error;
    }
    for (let c = 0; c <= width; c += 1) {
      const penalty = c < width ? l2 * (weights[c] ?? 0) : 0;
      weights[c] = (weights[c] ?? 0) - rate * ((gradient[c] ?? 0) / rows + penalty);
    }
  }
  return weights;
}

export function scores(design: Design, weights: Float64Array): Float64Array {
  const { rows, width, x } = design;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r += 1) {
    let z = weights[width] ?? 0;
    for (let c = 0; c < width; c += 1) z += (weights[c] ?? 0) * (x[r * width + c] ?? 0);
    out[r] = z;
  }
  return out;
}

/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties counted half. */
export function auc(score: Float64Array, label: Uint8Array): number {
  const order = Array.from(score.keys()).sort((a, b) => (score[a] ?? 0) - (score[b] ?? 0));
  let rankSumPositive = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && score[order[j + 1] ?? 0] === score[order[i] ?? 0]) j += 1;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) {
      if (label[order[k] ?? 0] === 1) {
        rankSumPositive += averageRank;
        positives += 1;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}
