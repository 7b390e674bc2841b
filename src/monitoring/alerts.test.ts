import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { alertsOf } from './alerts.ts';
import type { DriftPeriod, DriftReport } from './drift.ts';
import { createOutcomeAggregator, type OutcomeRecord } from './outcomes.ts';
import type { MonitoringWindow } from './window.ts';

const window: MonitoringWindow = {
  from: parseLocalDate('2026-11-16'),
  to: parseLocalDate('2026-11-29'),
  product: null,
};

function week(from: string, psi: number, csi: number, decisions = 500): DriftPeriod {
  const start = parseLocalDate(from);
  return {
    from: start,
    to: start,
    decisions,
    lowVolume: decisions < 100,
    psi: { value: psi, verdict: psi < 0.1 ? 'stable' : psi < 0.25 ? 'monitor' : 'unstable' },
    csi: [
      {
        feature: 'utilisation',
        value: csi,
        verdict: csi < 0.1 ? 'stable' : csi < 0.25 ? 'monitor' : 'unstable',
      },
    ],
  };
}

function drift(weeks: DriftPeriod[]): DriftReport {
  return {
    window,
    model: { version: 'm1', contentHash: 'sha256:x', trainingRows: 1000 },
    epsilon: 1e-4,
    minDecisions: 100,
    scoreDistribution: [],
    weeks,
    overall: weeks[0] as DriftPeriod,
    excluded: { otherModel: 0, unscored: 0, overrides: 0 },
  };
}

const noOutcomes = createOutcomeAggregator(window).report();

describe('alerts', () => {
  it('warns at PSI/CSI 0.1 and is critical at 0.25, exactly at the thresholds; below 0.1 says nothing', () => {
    const alerts = alertsOf({
      drift: drift([week('2026-11-16', 0.1, 0.0999), week('2026-11-23', 0.2499, 0.25)]),
      outcomes: noOutcomes,
    });
    expect(alerts.map((a) => [a.severity, a.kind, a.subject, a.from, a.value, a.threshold])).toEqual([
      ['critical', 'characteristic-drift', 'utilisation', '2026-11-23', 0.25, 0.25],
      ['warning', 'score-drift', 'score', '2026-11-16', 0.1, 0.1],
      ['warning', 'score-drift', 'score', '2026-11-23', 0.2499, 0.1],
    ]);
    expect(alerts[0]?.reason).toBe(
      "CSI of utilisation 0.2500 from 2026-11-23 to 2026-11-23 is at or above 0.25: its values have moved across the model's bins since training.",
    );
  });

  it('gives one info alert for a thin week instead of reading its drift, and one when no model is active', () => {
    const thin = alertsOf({ drift: drift([week('2026-11-16', 3, 3, 12)]), outcomes: noOutcomes });
    expect(thin.map((a) => [a.severity, a.kind, a.value, a.threshold])).toEqual([
      ['info', 'low-volume', 12, 100],
    ]);
    const none = alertsOf({ drift: null, outcomes: noOutcomes });
    expect(none.map((a) => [a.severity, a.kind])).toEqual([['info', 'no-active-model']]);
  });

  it('raises one outage alert per day and product across arms: warning from the first, critical from 5%', () => {
    const aggregator = createOutcomeAggregator(window);
    let serial = 0;
    const add = (date: string, arm: 'champion' | 'challenger', faulted: boolean) => {
      serial += 1;
      const record: OutcomeRecord = {
        id: `dec_${serial}`,
        decisionDate: parseLocalDate(date),
        productCode: 'cash_loan',
        arm,
        kind: 'application',
        outcome: faulted ? 'referred' : 'declined',
        limit: fen(0n),
        apr: null,
        reasonCodes: faulted ? ['SYSTEM_UNAVAILABLE'] : ['SCORE_BELOW_CUTOFF'],
        faulted,
      };
      aggregator.add(record);
    };
    // 2026-11-17: 1 of 40 (2.5%) → warning. 2026-11-18: 1 + 1 of 40 across both arms (5%) → critical.
    for (let i = 0; i < 39; i += 1) add('2026-11-17', 'champion', false);
    add('2026-11-17', 'champion', true);
    for (let i = 0; i < 19; i += 1) add('2026-11-18', 'champion', false);
    for (let i = 0; i < 19; i += 1) add('2026-11-18', 'challenger', false);
    add('2026-11-18', 'champion', true);
    add('2026-11-18', 'challenger', true);
    const alerts = alertsOf({ drift: drift([]), outcomes: aggregator.report() });
    expect(alerts.map((a) => [a.severity, a.from, a.value, a.threshold])).toEqual([
      ['critical', '2026-11-18', 0.05, 0.05],
      ['warning', '2026-11-17', 0.025, 0],
    ]);
    expect(alerts[0]?.reason).toBe(
      '2 of 40 cash_loan decisions (5.00%; arm champion and challenger) on 2026-11-18 were referred with SYSTEM_UNAVAILABLE: a dependency failed; they are waiting for a person, not declined.',
    );
  });
});
