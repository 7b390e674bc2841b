import { describe, expect, it } from 'vitest';
import { addDays, parseLocalDate, type LocalDate } from '../platform/time/local-date.ts';
import {
  calibrationEdges,
  createScorer,
  stabilityIndex,
  trainingScoreBandCounts,
  type ScoreRow,
  type ScorecardBin,
} from '../scoring/index.ts';
import { smallTraining } from '../scoring/scoring.test-support.ts';
import { createDriftAggregator, type DriftRecord } from './drift.ts';
import type { MonitoringWindow } from './window.ts';

const card = smallTraining().card;
const scorer = createScorer(card);
const monday = parseLocalDate('2026-11-16');
const window: MonitoringWindow = { from: monday, to: addDays(monday, 13), product: null };

/** A value that falls in a bin (the scorer's own rule decides, checked below). */
function valueIn(bin: ScorecardBin): number | string | null {
  switch (bin.kind) {
    case 'missing':
      return null;
    case 'special':
      return bin.value;
    case 'interval':
      return bin.lower === null ? (bin.upper ?? 0) - 1 : bin.lower;
    case 'categories':
      return bin.categories[0] ?? null;
    default:
      return 'never-seen-category';
  }
}

/**
 * The training sample rebuilt from the artefact's own counts: for each characteristic, `count` values in
 * each bin; for the score, `count` scores in each 5-point histogram band. Row i takes the i-th value of
 * every list, so every marginal is exactly the training one.
 */
function trainingLikeRecords(date: LocalDate): DriftRecord[] {
  const rows = card.training.rows;
  const columns = card.features.map((feature) =>
    feature.bins.flatMap((bin) => Array.from({ length: bin.count }, () => valueIn(bin))),
  );
  const histogram = card.metrics.train.scoreHistogram;
  const scores = histogram.goods.flatMap((goods, k) =>
    Array.from({ length: goods + (histogram.bads[k] ?? 0) }, () => histogram.from + k * histogram.width),
  );
  expect(scores.length).toBe(rows);
  return Array.from({ length: rows }, (_, i) => {
    const row: Record<string, number | string | null> = {};
    card.features.forEach((feature, f) => {
      row[feature.name] = columns[f]?.[i] ?? null;
    });
    return { decisionDate: date, productCode: 'cash_loan', score: scores[i] ?? 0, row: row as ScoreRow };
  });
}

describe('drift against the training sample', () => {
  it('Given decisions distributed exactly as in training, Then PSI and every CSI are 0', () => {
    for (const feature of card.features) {
      const locate = scorer.locator(feature.name);
      feature.bins.forEach((bin, index) => {
        if (bin.count > 0) expect(locate(valueIn(bin)).index).toBe(index);
      });
    }
    const aggregator = createDriftAggregator(window, scorer, { minDecisions: 10 });
    // The same sample twice over (two weeks): shares equal, so the index is exactly 0, not nearly.
    for (const record of trainingLikeRecords(monday)) aggregator.add(record);
    for (const record of trainingLikeRecords(addDays(monday, 9))) aggregator.add(record);
    const report = aggregator.report();
    expect(report.weeks.map((week) => [week.from, week.to, week.decisions])).toEqual([
      ['2026-11-16', '2026-11-22', card.training.rows],
      ['2026-11-23', '2026-11-29', card.training.rows],
    ]);
    for (const period of [...report.weeks, report.overall]) {
      expect(period.psi).toEqual({ value: 0, verdict: 'stable' });
      expect(period.csi.map((csi) => csi.value)).toEqual(card.features.map(() => 0));
      expect(period.lowVolume).toBe(false);
    }
    expect(report.scoreDistribution.map((band) => band.recent)).toEqual(
      trainingScoreBandCounts(card).map((c) => c * 2),
    );
  });

  it("Given a shifted sample, Then PSI is the scoring context's stability index over the same bands", () => {
    const aggregator = createDriftAggregator(window, scorer, { minDecisions: 3 });
    const base = trainingLikeRecords(monday).slice(0, 3);
    // Everyone at the top of the scale: one PSI band holds the whole sample.
    for (const record of base) aggregator.add({ ...record, score: 950 });
    aggregator.exclude('otherModel');
    aggregator.exclude('overrides');
    const report = aggregator.report();
    const edges = calibrationEdges(card);
    const actual = new Array<number>(edges.length - 1).fill(0);
    actual[actual.length - 1] = 3;
    const expected = stabilityIndex(trainingScoreBandCounts(card), actual);
    expect(report.overall.psi?.value).toBe(expected.value);
    expect(report.overall.psi?.verdict).toBe('unstable');
    expect(report.excluded).toEqual({ otherModel: 1, unscored: 0, overrides: 1 });
    expect(report.weeks[0]?.lowVolume).toBe(false);
  });

  it('flags weeks below the minimum volume and cuts weeks at the window', () => {
    const cut: MonitoringWindow = { from: addDays(monday, 2), to: addDays(monday, 4), product: null };
    const aggregator = createDriftAggregator(cut, scorer);
    const [first] = trainingLikeRecords(addDays(monday, 3));
    if (first) aggregator.add(first);
    const report = aggregator.report();
    expect(report.weeks).toHaveLength(1);
    expect(report.weeks[0]).toMatchObject({
      from: '2026-11-18',
      to: '2026-11-20',
      decisions: 1,
      lowVolume: true,
    });
    expect(report.minDecisions).toBe(100);
  });
});
