import { AppError } from '../platform/errors/app-error.ts';
import type { Dataset } from './dataset.ts';
import {
  aucOf,
  brierOf,
  calibrationByBand,
  ksOf,
  logLossOf,
  rankedCounts,
  stabilityIndex,
  type Stability,
} from './metrics.ts';
import { clampScore, pdAtScore } from './scaling.ts';
import type { SampleMetrics, Scorecard } from './scorecard.ts';
import type { FeatureValue, Scorer } from './scorer.ts';

/** Scores of every row of a dataset: the integer total, the clamped score and the PD. */
export interface DatasetScores {
  readonly totals: Float64Array;
  readonly scores: Float64Array;
  readonly pd: Float64Array;
}

/** Width of the score histogram kept in the artefact, and of the calibration bands. */
export const HISTOGRAM_WIDTH = 5;
export const CALIBRATION_WIDTH = 50;

/**
 * Scores a columnar dataset with a scorer. Bins are found by the scorer's own `binOf` (the code that
 * scores a single row) and points are integers, so the totals equal scoring each row; a category's bin
 * is looked up once per level rather than once per row.
 */
export function scoreDataset(scorer: Scorer, dataset: Dataset): DatasetScores {
  const n = dataset.rows;
  const totals = new Float64Array(n).fill(scorer.card.basePoints);
  for (const feature of scorer.card.features) {
    const column = dataset.columns.find((c) => c.name === feature.name);
    if (column === undefined) {
      throw AppError.invalid(
        feature.name,
        'column-exists',
        `the data has no column "${feature.name}", which the model uses`,
      );
    }
    const locate = scorer.locator(feature.name);
    if (column.kind === 'categorical') {
      const levelPoints = Float64Array.from(column.levels, (level) => locate(level).points);
      const missingPoints = locate(null).points;
      for (let i = 0; i < n; i += 1) {
        const code = column.codes[i] ?? -1;
        totals[i] = (totals[i] ?? 0) + (code < 0 ? missingPoints : (levelPoints[code] ?? 0));
      }
    } else {
      for (let i = 0; i < n; i += 1) {
        totals[i] = (totals[i] ?? 0) + locate(column.values[i] ?? Number.NaN).points;
      }
    }
  }
  const scores = new Float64Array(n);
  const pd = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const total = totals[i] ?? 0;
    scores[i] = clampScore(total, scorer.card.scaling);
    pd[i] = pdAtScore(scorer.card.scaling, total);
  }
  return { totals, scores, pd };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Calibration band edges over the score range: 350, 400, …, 950. */
export function calibrationEdges(card: {
  readonly scaling: { readonly minScore: number; readonly maxScore: number };
}): number[] {
  const { minScore, maxScore } = card.scaling;
  const edges: number[] = [];
  for (let edge = minScore; edge < maxScore; edge += CALIBRATION_WIDTH) edges.push(edge);
  edges.push(maxScore);
  return edges;
}

/** Metrics of a model on a labelled sample: discrimination on the PD, calibration and a score histogram. */
export function sampleMetrics(
  card: Pick<Scorecard, 'scaling'>,
  scored: DatasetScores,
  target: Uint8Array,
): SampleMetrics {
  const n = target.length;
  let bads = 0;
  for (let i = 0; i < n; i += 1) bads += target[i] ?? 0;
  const counts = rankedCounts(scored.pd, target);
  const auc = aucOf(counts);
  const { minScore, maxScore } = card.scaling;
  const bands = Math.ceil((maxScore - minScore) / HISTOGRAM_WIDTH);
  const goodsHistogram = new Array<number>(bands).fill(0);
  const badsHistogram = new Array<number>(bands).fill(0);
  for (let i = 0; i < n; i += 1) {
    const band = Math.min(
      bands - 1,
      Math.floor(((scored.scores[i] ?? minScore) - minScore) / HISTOGRAM_WIDTH),
    );
    if ((target[i] ?? 0) === 1) badsHistogram[band] = (badsHistogram[band] ?? 0) + 1;
    else goodsHistogram[band] = (goodsHistogram[band] ?? 0) + 1;
  }
  return {
    n,
    bads,
    badRate: n === 0 ? 0 : bads / n,
    auc: finiteOrNull(auc),
    ks: finiteOrNull(ksOf(counts)),
    gini: finiteOrNull(2 * auc - 1),
    brier: finiteOrNull(brierOf(scored.pd, target)),
    logLoss: finiteOrNull(logLossOf(scored.pd, target)),
    calibration: calibrationByBand(scored.scores, scored.pd, target, calibrationEdges(card)),
    scoreHistogram: { from: minScore, width: HISTOGRAM_WIDTH, goods: goodsHistogram, bads: badsHistogram },
  };
}

/** Counts of a sample over each feature's bins, in artefact order. */
export function binCounts(scorer: Scorer, dataset: Dataset): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const feature of scorer.card.features) {
    const column = dataset.columns.find((c) => c.name === feature.name);
    if (column === undefined) {
      throw AppError.invalid(
        feature.name,
        'column-exists',
        `the data has no column "${feature.name}", which the model uses`,
      );
    }
    const counts = new Array<number>(feature.bins.length).fill(0);
    const locate = scorer.locator(feature.name);
    for (let i = 0; i < dataset.rows; i += 1) {
      let value: FeatureValue;
      if (column.kind === 'numeric') value = column.values[i] ?? Number.NaN;
      else {
        const code = column.codes[i] ?? -1;
        value = code < 0 ? null : column.levels[code];
      }
      const bin = locate(value).index;
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    result.set(feature.name, counts);
  }
  return result;
}

/**
 * The band of a score among the PSI bands (`calibrationEdges`): 50 points wide from the minimum score,
 * scores at or beyond the last edge in the last band. The one rule PSI uses, so the monitoring context's
 * weekly PSI reads the same bands as `credence evaluate`.
 */
export function scoreBandIndex(edges: readonly number[], score: number): number {
  return Math.max(0, Math.min(edges.length - 2, Math.floor((score - (edges[0] ?? 0)) / CALIBRATION_WIDTH)));
}

/** Training rows per PSI band, folded from the artefact's 5-point training histogram (goods + bads). */
export function trainingScoreBandCounts(card: Pick<Scorecard, 'scaling' | 'metrics'>): number[] {
  const edges = calibrationEdges(card);
  const histogram = card.metrics.train.scoreHistogram;
  const expected = new Array<number>(edges.length - 1).fill(0);
  histogram.goods.forEach((goods, k) => {
    const band = scoreBandIndex(edges, histogram.from + k * histogram.width);
    expected[band] = (expected[band] ?? 0) + goods + (histogram.bads[k] ?? 0);
  });
  return expected;
}

export interface StabilityReport {
  /** PSI of the score over the calibration bands, training sample as expected. */
  readonly score: Stability;
  /** CSI of each feature over its bins, training counts as expected. */
  readonly features: ReadonlyArray<{ readonly feature: string; readonly stability: Stability }>;
}

/**
 * Stability of a new sample against the training sample recorded in the artefact: PSI of the score and
 * CSI of each characteristic, over the model's own bins; empty and new bins count (ε = `epsilon`).
 */
export function stabilityAgainstTraining(
  scorer: Scorer,
  dataset: Dataset,
  scored: DatasetScores,
  epsilon?: number,
): StabilityReport {
  const card = scorer.card;
  const edges = calibrationEdges(card);
  const expected = trainingScoreBandCounts(card);
  const actual = new Array<number>(edges.length - 1).fill(0);
  for (let i = 0; i < scored.scores.length; i += 1) {
    const band = scoreBandIndex(edges, scored.scores[i] ?? 0);
    actual[band] = (actual[band] ?? 0) + 1;
  }
  const counts = binCounts(scorer, dataset);
  return {
    score: stabilityIndex(expected, actual, epsilon),
    features: card.features.map((feature) => ({
      feature: feature.name,
      stability: stabilityIndex(
        feature.bins.map((bin) => bin.count),
        counts.get(feature.name) ?? [],
        epsilon,
      ),
    })),
  };
}
