import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aucOf,
  bandOf,
  brierOf,
  calibrationByBand,
  ksOf,
  logLossOf,
  rankedCounts,
  rocCurve,
  stabilityIndex,
} from './metrics.ts';

/** The plain definition: over every (bad, good) pair, 1 if the bad ranks higher, ½ on a tie. */
function naiveAuc(predictions: number[], labels: number[]): number {
  let pairs = 0;
  let wins = 0;
  predictions.forEach((p, i) => {
    if (labels[i] !== 1) return;
    predictions.forEach((q, j) => {
      if (labels[j] !== 0) return;
      pairs += 1;
      wins += p > q ? 1 : p === q ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('AUC, KS, Gini', () => {
  it('given a hand example with a tie, then AUC counts the tie as a half', () => {
    // bads at 0.9, 0.5; goods at 0.5, 0.1 → pairs: (0.9>0.5) (0.9>0.1) (0.5=0.5) (0.5>0.1) = 3.5 / 4
    const counts = rankedCounts([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]);
    expect(aucOf(counts)).toBe(0.875);
    expect(ksOf(counts)).toBe(0.5);
  });

  it('equals the naive pair count on small samples, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.boolean()), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const labels = rows.map(([, bad]) => (bad ? 1 : 0));
          fc.pre(labels.includes(1) && labels.includes(0));
          const predictions = rows.map(([p]) => p / 8);
          expect(aucOf(rankedCounts(predictions, labels))).toBeCloseTo(naiveAuc(predictions, labels), 12);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is NaN with one class only, and refuses NaN predictions', () => {
    expect(aucOf(rankedCounts([0.1, 0.2], [1, 1]))).toBeNaN();
    expect(() => rankedCounts([Number.NaN], [1])).toThrow(RangeError);
  });

  it('draws the ROC curve from (0,0) to (1,1)', () => {
    const roc = rocCurve(rankedCounts([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]));
    expect(roc).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
  });
});

describe('Brier, log-loss and calibration', () => {
  it('computes the textbook values', () => {
    expect(brierOf([0.8, 0.3], [1, 0])).toBeCloseTo((0.04 + 0.09) / 2, 15);
    expect(logLossOf([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 15);
    expect(Number.isFinite(logLossOf([0, 1], [1, 0]))).toBe(true);
  });

  it('bands scores and keeps empty bands', () => {
    expect(bandOf([350, 400, 450], 349)).toBe(0);
    expect(bandOf([350, 400, 450], 400)).toBe(1);
    expect(bandOf([350, 400, 450], 450)).toBe(1);
    const bands = calibrationByBand([360, 370, 420], [0.5, 0.3, 0.1], [1, 0, 0], [350, 400, 450, 500]);
    expect(bands).toEqual([
      { from: 350, to: 400, count: 2, bads: 1, observed: 0.5, predicted: 0.4 },
      { from: 400, to: 450, count: 1, bads: 0, observed: 0, predicted: 0.1 },
      { from: 450, to: 500, count: 0, bads: 0, observed: 0, predicted: 0 },
    ]);
  });
});

describe('PSI / CSI', () => {
  it('is exactly 0 for a sample against itself, whatever its bins', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }), (counts) => {
        fc.pre(counts.some((c) => c > 0));
        const result = stabilityIndex(counts, counts);
        expect(result.value).toBe(0);
        expect(result.verdict).toBe('stable');
      }),
    );
  });

  it('counts empty and new bins with ε instead of dropping them', () => {
    // Training had no one in bin 3 (say, an unseen category); the new sample has 10%.
    const result = stabilityIndex([50, 50, 0], [45, 45, 10], 1e-4);
    expect(result.bins[2]).toEqual({
      expected: 1e-4,
      actual: 0.1,
      contribution: (0.1 - 1e-4) * Math.log(0.1 / 1e-4),
    });
    const expected = 2 * (0.45 - 0.5) * Math.log(0.45 / 0.5) + (0.1 - 1e-4) * Math.log(0.1 / 1e-4);
    expect(result.value).toBeCloseTo(expected, 15);
    expect(result.value).toBeCloseTo(0.7006, 4);
    expect(result.verdict).toBe('unstable');
  });

  it('gives the usual verdicts at 0.1 and 0.25', () => {
    expect(stabilityIndex([50, 50], [40, 60]).verdict).toBe('stable');
    expect(stabilityIndex([50, 50], [30, 70]).verdict).toBe('monitor');
    expect(stabilityIndex([50, 50], [20, 80]).verdict).toBe('unstable');
  });
});
