import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import type { LocalDate } from '../platform/time/local-date.ts';
import { DEFAULT_SCALING } from '../scoring/index.ts';
import { createBacktestAggregator, type BacktestPair, type BacktestSide } from './backtest.ts';
import type { MonitoringWindow } from './window.ts';

const WINDOW: MonitoringWindow = {
  from: '2026-01-01' as LocalDate,
  to: '2026-06-30' as LocalDate,
  product: null,
};
// The demo scale: 600 at 50:1, 40 points to double the odds.
const scaling = { ...DEFAULT_SCALING, factor: 40 / Math.LN2, offset: 600 - (40 / Math.LN2) * Math.log(50) };
const card = (version: string) => ({ version, contentHash: `sha256:${version}`, scaling });
const context = {
  champion: card('champion'),
  candidate: card('candidate'),
  policy: { date: '2026-12-01' as LocalDate, versions: { cash_loan: 'pol_x' } },
  badDaysPastDue: 30,
};

const side = (outcome: BacktestSide['outcome'], pd: number, score = 600): BacktestSide => ({
  outcome,
  limit: fen(outcome === 'approved' ? 1_000_000n : 0n),
  apr: outcome === 'declined' ? null : parseRate('0.18'),
  score,
  pd,
});

const pair = (
  id: string,
  champion: BacktestSide,
  candidate: BacktestSide,
  verdict: BacktestPair['verdict'],
  extra: Partial<BacktestPair> = {},
): BacktestPair => ({
  decisionId: id,
  productCode: 'cash_loan',
  decisionDate: '2026-02-01' as LocalDate,
  age: 30,
  monthlyIncomeFen: 1_000_000n,
  champion,
  candidate,
  verdict,
  ...extra,
});

/** AUC as the plain pair count (ties one half), the reference the Mann–Whitney form must equal. */
function pairCountAuc(pd: readonly number[], labels: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  labels.forEach((bad, i) => {
    if (bad !== 1) return;
    labels.forEach((good, j) => {
      if (good !== 0) return;
      pairs += 1;
      const a = pd[i] as number;
      const b = pd[j] as number;
      wins += a > b ? 1 : a === b ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('backtest of a candidate against the champion', () => {
  it('given five matured applications, AUC and KS of both models are the hand-counted ones', () => {
    const aggregator = createBacktestAggregator(WINDOW);
    const labels = [1, 0, 1, 0, 0];
    const champion = [0.9, 0.2, 0.4, 0.5, 0.1];
    const candidate = [0.8, 0.1, 0.7, 0.3, 0.2];
    labels.forEach((label, i) =>
      aggregator.add(
        pair(
          `dec_${i}`,
          side('approved', champion[i] as number),
          side('approved', candidate[i] as number),
          label === 1 ? 'bad' : 'good',
        ),
      ),
    );
    // An immature one counts in the comparison, not in the metrics.
    aggregator.add(pair('dec_young', side('approved', 0.3), side('declined', 0.6), null));
    const report = aggregator.report(context);
    expect(report.applications).toBe(6);
    expect(report.matured).toEqual({ applications: 5, bads: 2 });
    // Champion: bads 0.9 and 0.4 against goods 0.2, 0.5, 0.1 — 0.9 beats 3, 0.4 beats 2: 5 of 6 pairs.
    expect(report.discrimination?.champion.auc).toBeCloseTo(5 / 6, 12);
    // KS: by PD ascending, goods reach 2/3 before the first bad (0.4): the widest gap is 2/3.
    expect(report.discrimination?.champion.ks).toBeCloseTo(2 / 3, 12);
    expect(report.discrimination?.candidate.auc).toBe(1);
    expect(report.discrimination?.candidate.ks).toBe(1);
    expect(report.discrimination?.champion.gini).toBeCloseTo(2 / 3, 12);
    // ROC curves run from (0,0) to (1,1); the KS curve's gap at its widest is KS.
    const roc = report.discrimination?.roc.champion ?? [];
    expect(roc[0]).toEqual({ x: 0, y: 0 });
    expect(roc[roc.length - 1]).toEqual({ x: 1, y: 1 });
    const gaps = (report.discrimination?.ks.champion ?? []).map((point) =>
      Math.abs(point.bads - point.goods),
    );
    expect(Math.max(...gaps)).toBeCloseTo(2 / 3, 12);
    // The swap-out was immature: counted, no observed outcome.
    expect(report.comparison.swapOuts.count).toBe(1);
    expect(report.swapObserved.swapOuts).toEqual({ matured: 0, bads: 0, badRate: null });
  });

  it('observes the bad rate of the swap sets and of each side’s approvals by segment', () => {
    const aggregator = createBacktestAggregator(WINDOW);
    // Swap-outs that matured: one bad, one good. A swap-in that matured bad (the champion had approved it
    // at the time under another policy, so it has an outcome).
    aggregator.add(pair('a', side('approved', 0.1, 700), side('declined', 0.3, 560), 'bad', { age: 22 }));
    aggregator.add(pair('b', side('approved', 0.05, 720), side('referred', 0.2, 600), 'good', { age: 40 }));
    aggregator.add(
      pair('c', side('declined', 0.4, 540), side('approved', 0.02, 760), 'bad', {
        age: 40,
        monthlyIncomeFen: null,
      }),
    );
    const report = aggregator.report(context);
    expect(report.swapObserved.swapOuts).toEqual({ matured: 2, bads: 1, badRate: '0.500000' });
    expect(report.swapObserved.swapIns).toEqual({ matured: 1, bads: 1, badRate: '1.000000' });
    expect(report.segments.ageBand.map((segment) => [segment.segment, segment.applications])).toEqual([
      ['< 25', 1],
      ['35–44', 2],
    ]);
    const middle = report.segments.ageBand[1];
    expect(middle?.approvalRate).toEqual({ champion: '0.500000', candidate: '0.500000' });
    expect(middle?.observed.champion).toEqual({ matured: 1, bads: 0, badRate: '0.000000' });
    expect(middle?.observed.candidate).toEqual({ matured: 1, bads: 1, badRate: '1.000000' });
    expect(report.segments.incomeBand.map((segment) => segment.segment)).toEqual([
      '¥8,000–14,999',
      'unknown',
    ]);
    expect(report.segments.scoreBand.map((segment) => segment.segment)).toEqual(['500–549', '700–749']);
  });

  it('property: AUC equals the plain pair count, for both models, on any matured sample with both classes', () => {
    const sample = fc.array(
      fc.record({
        bad: fc.boolean(),
        champion: fc.integer({ min: 1, max: 50 }),
        candidate: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 2, maxLength: 80 },
    );
    fc.assert(
      fc.property(sample, (rows) => {
        const labels = rows.map((row) => (row.bad ? 1 : 0));
        if (!labels.includes(1) || !labels.includes(0)) return;
        const aggregator = createBacktestAggregator(WINDOW);
        rows.forEach((row, i) =>
          aggregator.add(
            pair(
              `d${i}`,
              side('approved', row.champion / 100),
              side('approved', row.candidate / 100),
              row.bad ? 'bad' : 'good',
            ),
          ),
        );
        const report = aggregator.report(context);
        expect(report.discrimination?.champion.auc).toBeCloseTo(
          pairCountAuc(
            rows.map((row) => row.champion / 100),
            labels,
          ),
          12,
        );
        expect(report.discrimination?.candidate.auc).toBeCloseTo(
          pairCountAuc(
            rows.map((row) => row.candidate / 100),
            labels,
          ),
          12,
        );
      }),
    );
  });

  it('has no AUC or KS without both bads and goods among the matured', () => {
    const aggregator = createBacktestAggregator(WINDOW);
    aggregator.add(pair('a', side('approved', 0.1), side('approved', 0.2), 'good'));
    expect(aggregator.report(context).discrimination).toBeNull();
  });
});
