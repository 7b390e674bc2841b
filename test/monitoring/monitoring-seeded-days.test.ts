import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import { scoreBandOf, SCORE_BANDS } from '../../src/monitoring/window.ts';
import { addRate, rate, RATE_ZERO, toRateString, type Rate } from '../../src/platform/money/rate.ts';
import { divRound } from '../../src/platform/money/rounding.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import {
  calibrationEdges,
  scoreBandIndex,
  stabilityIndex,
  trainingScoreBandCounts,
} from '../../src/scoring/index.ts';
import { storesUnderTest } from '../support/stores.ts';
import { monitoringScenario, type MonitoringScenario } from './scenario.ts';

/**
 * Monitoring on seeded decision records, on every store: outcomes per day, product and arm against a
 * plain reference fold of the records the scenario made; the loans' bad rate by band and vintage; weekly
 * drift against the scoring context's stability index on the same rows; alerts (the outage day).
 */
const scenarios: MonitoringScenario[] = [];
afterAll(async () => {
  for (const scenario of scenarios) await scenario.t.app.stop();
});

const share = (count: number, total: number): string | null =>
  total === 0 ? null : toRateString(rate(BigInt(count), BigInt(total)), 6);

/** The figures of a group, computed the plain way from the records. */
function reference(records: readonly DecisionRecord[]) {
  const engine = records.filter((record) => record.kind !== 'override');
  const approved = engine.filter((record) => record.outcome === 'approved');
  const limitTotal = approved.reduce((sum, record) => sum + record.limit, 0n);
  const aprSum = approved.reduce<Rate>(
    (sum, record) => (record.apr ? addRate(sum, record.apr) : sum),
    RATE_ZERO,
  );
  const reasons = new Map<string, { decisions: number; first: number }>();
  for (const record of engine) {
    const codes = [...new Set(record.reasons.map((reason) => reason.code))];
    codes.forEach((code) => {
      const entry = reasons.get(code) ?? { decisions: 0, first: 0 };
      entry.decisions += 1;
      if (record.reasons[0]?.code === code) entry.first += 1;
      reasons.set(code, entry);
    });
  }
  const count = (outcome: string, list = engine) =>
    list.filter((record) => record.outcome === outcome).length;
  const overrides = records.filter((record) => record.kind === 'override');
  return {
    decisions: engine.length,
    outcomes: { approved: count('approved'), declined: count('declined'), referred: count('referred') },
    approvalRate: share(count('approved'), engine.length),
    systemUnavailable: engine.filter((record) => record.fault !== null).length,
    approvedLimitTotal: limitTotal,
    averageApprovedLimit:
      approved.length === 0 ? null : divRound(limitTotal, BigInt(approved.length), 'halfEven'),
    averageApprovedApr:
      approved.length === 0 ? null : toRateString(rate(aprSum.num, aprSum.den * BigInt(approved.length)), 6),
    overrides: {
      total: overrides.length,
      approved: count('approved', overrides),
      declined: count('declined', overrides),
      referred: count('referred', overrides),
    },
    reasons: Object.fromEntries(reasons),
  };
}

describe.each(storesUnderTest())('monitoring of seeded decisions on $name', (store) => {
  let scenario: MonitoringScenario;

  it('monitoring-outcomes: per product and arm, and per day, exactly as the records add up', async () => {
    scenario = await monitoringScenario(store);
    scenarios.push(scenario);
    const { records, t } = scenario;
    const report = await t.app.services.monitoring.outcomes({ from: '2026-11-22', to: '2026-11-23' });
    expect(report.window).toEqual({ from: '2026-11-22', to: '2026-11-23', product: null });
    expect(report.summary.map((group) => `${group.product}/${group.arm}`)).toEqual([
      'cash_loan/champion',
      'credit_line/champion',
    ]);
    for (const group of report.summary) {
      const expected = reference(records.filter((record) => record.productCode === group.product));
      const reasons = Object.fromEntries(
        group.reasons.map(({ code, decisions, first }) => [code, { decisions, first }]),
      );
      expect({ ...group, reasons }).toMatchObject(expected);
    }
    for (const day of report.days) {
      const expected = reference(
        records.filter((record) => record.decisionDate === day.date && record.productCode === day.product),
      );
      expect(day).toMatchObject({ ...expected, reasons: expect.any(Array) });
    }
    expect(report.days.map((day) => [day.date, day.product, day.decisions])).toEqual([
      ['2026-11-22', 'cash_loan', 9],
      ['2026-11-22', 'credit_line', 1],
      ['2026-11-23', 'cash_loan', 3],
      ['2026-11-23', 'credit_line', 1],
    ]);

    // What the demo cases are built to show, whatever the scorecard scores.
    const cash = report.summary[0];
    expect(cash).toMatchObject({
      byKind: { application: 11, limitReview: 0, recheck: 1 },
      systemUnavailable: 1,
      systemUnavailableRate: '0.083333',
      rechecks: { approved: 0, declined: 1, referred: 0 },
      overrides: { total: 1, approved: 1, declined: 0, referred: 0 },
    });
    expect(cash?.reasons.find((reason) => reason.code === 'SYSTEM_UNAVAILABLE')).toEqual({
      code: 'SYSTEM_UNAVAILABLE',
      decisions: 1,
      first: 1,
      share: '0.083333',
    });
    // The override copied the overruled decline's reasons; they are counted once, for the decline.
    expect(cash?.reasons.find((reason) => reason.code === 'OVERDUE_ELSEWHERE')).toMatchObject({
      decisions: 1,
    });
    expect(report.summary[1]?.reasons[0]).toMatchObject({ code: 'MULTI_HEAD_BORROWING', first: 1 });
    expect(report.total.decisions).toBe(14);

    const onlyCredit = await t.app.services.monitoring.outcomes({
      from: '2026-11-22',
      to: '2026-11-23',
      product: 'credit_line',
    });
    expect(onlyCredit.summary.map((group) => group.product)).toEqual(['credit_line']);
    expect(onlyCredit.total.decisions).toBe(2);
    const before = await t.app.services.monitoring.outcomes({ from: '2026-11-01', to: '2026-11-21' });
    expect(before.total.decisions).toBe(0);
  });

  it('monitoring-performance: the unpaid loan is bad at 31 days past due, the repaid one good, in the band of the decision behind them', async () => {
    const { t, records } = scenario;
    const first = records.find(
      (record) => record.productCode === 'cash_loan' && record.outcome === 'approved',
    );
    if (!first || first.score === null) throw new Error('the clean customer was not approved');
    const report = await t.app.services.monitoring.performance({
      from: '2026-11-01',
      to: '2027-01-22',
      product: 'cash_loan',
    });
    expect(report.total).toMatchObject({
      loans: 2,
      observable: 2,
      bads: 1,
      badRate: '0.500000',
      principal: 500_000n,
    });
    const band = SCORE_BANDS[scoreBandOf(first.score)];
    expect(report.bands.filter((cell) => cell.loans > 0).map((cell) => cell.band)).toEqual([band?.label]);
    // Both loans were drawn under the first decision: its PD is the expectation, not the later one's.
    expect(report.total.expectedBadRate).toBe(first.pd);
    expect(report.vintages.map((vintage) => [vintage.vintage, vintage.loans, vintage.bads])).toEqual([
      ['2026-11', 2, 1],
    ]);

    // Both products: the line opened on the credit-line approval, in the band of that decision; never
    // drawn on, it cannot go bad (not observable), so the loans' figures are unchanged beside it.
    const lineDecision = records.find(
      (record) => record.productCode === 'credit_line' && record.outcome === 'approved',
    );
    if (!lineDecision || lineDecision.score === null) throw new Error('the credit line was not approved');
    const both = await t.app.services.monitoring.performance({ from: '2026-11-01', to: '2027-01-22' });
    expect(both.products.map((cell) => [cell.product, cell.loans, cell.observable, cell.bads])).toEqual([
      ['cash_loan', 2, 2, 1],
      ['credit_line', 1, 0, 0],
    ]);
    const lineBand = SCORE_BANDS[scoreBandOf(lineDecision.score)]?.label;
    const inLineBand = both.vintages[0]?.bands.find((cell) => cell.band === lineBand);
    expect(inLineBand?.loans).toBe(lineBand === band?.label ? 3 : 1);
    expect(both.total).toMatchObject({ loans: 3, observable: 2, bads: 1, badRate: '0.500000' });
    expect(both.unscored.loans).toBe(0);
    const drawnLater = await t.app.services.monitoring.performance({ from: '2026-12-01', to: '2027-01-22' });
    expect(drawnLater.total.loans).toBe(0);
  });

  it("monitoring-drift: weekly PSI and CSI are the scoring context's stability index over the scored rows", async () => {
    const { t, records } = scenario;
    const report = await t.app.services.monitoring.drift({
      from: '2026-11-16',
      to: '2026-11-29',
      minDecisions: '5',
    });
    const scorer = await t.app.services.models.scorer();
    const card = scorer.card;
    expect(report.model.version).toBe(card.version);
    expect(report.excluded).toEqual({ otherModel: 0, unscored: 1, overrides: 1 });
    const edges = calibrationEdges(card);
    for (const week of report.weeks) {
      const scored = records.filter(
        (record) =>
          record.kind !== 'override' &&
          record.fault === null &&
          record.decisionDate >= week.from &&
          record.decisionDate <= week.to,
      );
      expect(week.decisions).toBe(scored.length);
      const actual = new Array<number>(edges.length - 1).fill(0);
      for (const record of scored) {
        const band = scoreBandIndex(edges, record.score ?? 0);
        actual[band] = (actual[band] ?? 0) + 1;
      }
      expect(week.psi?.value).toBe(stabilityIndex(trainingScoreBandCounts(card), actual).value);
      card.features.forEach((feature, f) => {
        const counts = feature.bins.map(() => 0);
        const locate = scorer.locator(feature.name);
        for (const record of scored) {
          const bin = locate(record.scorecardRow?.[feature.name] ?? null).index;
          counts[bin] = (counts[bin] ?? 0) + 1;
        }
        expect(week.csi[f]).toMatchObject({
          feature: feature.name,
          value: stabilityIndex(
            feature.bins.map((bin) => bin.count),
            counts,
          ).value,
        });
      });
    }
    expect(report.weeks.map((week) => [week.from, week.to, week.decisions, week.lowVolume])).toEqual([
      ['2026-11-16', '2026-11-22', 9, false],
      ['2026-11-23', '2026-11-29', 4, true],
    ]);
  });

  it('monitoring-alerts: the outage day is critical (1 of 9 cash-loan decisions), thin weeks are info', async () => {
    const { t } = scenario;
    const report = await t.app.services.monitoring.alerts({ from: '2026-11-16', to: '2026-11-29' });
    expect(report.counts).toEqual({ critical: 1, warning: 0, info: 2 });
    expect(report.alerts[0]).toMatchObject({
      severity: 'critical',
      kind: 'outage',
      subject: 'cash_loan',
      from: parseLocalDate('2026-11-22'),
      value: 1 / 9,
      threshold: 0.05,
    });
    expect(report.alerts[0]?.reason).toContain('1 of 9 cash_loan decisions');
    expect(report.alerts.slice(1).map((alert) => alert.kind)).toEqual(['low-volume', 'low-volume']);
  });
});
