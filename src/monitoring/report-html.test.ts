import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fen } from '../platform/money/money.ts';
import { parseRate } from '../platform/money/rate.ts';
import { parseLocalDate } from '../platform/time/local-date.ts';
import { compilePolicy, parseLendingSettings, productOn, toPolicyDocument } from '../policy/index.ts';
import { alertsOf } from './alerts.ts';
import type { MonitoringReportData } from './monitoring-report.ts';
import type { SimulationResult } from './simulate-policy.ts';
import { createOutcomeAggregator } from './outcomes.ts';
import { createPerformanceAggregator } from './performance.ts';
import { createRollRateAggregator } from './roll-rates.ts';
import { renderMonitoringReport, renderSimulationReport } from './report-html.ts';
import { createSimulation } from './simulation.ts';
import type { MonitoringWindow } from './window.ts';

const window: MonitoringWindow = {
  from: parseLocalDate('2026-11-16'),
  to: parseLocalDate('2026-11-22'),
  product: null,
};

function monitoringData(): MonitoringReportData {
  const outcomes = createOutcomeAggregator(window);
  outcomes.add({
    id: 'dec_1',
    decisionDate: parseLocalDate('2026-11-16'),
    productCode: 'cash_loan',
    arm: 'champion',
    kind: 'application',
    outcome: 'approved',
    limit: fen(500_000n),
    apr: parseRate('0.146'),
    reasonCodes: ['NEW_USER_RAMP'],
    faulted: false,
  });
  outcomes.add({
    id: 'dec_2',
    decisionDate: parseLocalDate('2026-11-17'),
    productCode: 'cash_loan',
    arm: null,
    kind: 'application',
    outcome: 'referred',
    limit: fen(0n),
    apr: null,
    reasonCodes: ['SYSTEM_UNAVAILABLE'],
    faulted: true,
  });
  const report = outcomes.report();
  return {
    generatedAt: '2026-11-22T02:00:00.000Z',
    window,
    outcomes: report,
    drift: null,
    alerts: alertsOf({ drift: null, outcomes: report }),
    performance: createPerformanceAggregator(window).report(),
    rollRates: createRollRateAggregator(window).report(),
  };
}

describe('monitoring report pages', () => {
  it('draws the outcome charts and alerts as inline SVG, fetching nothing', () => {
    const html = renderMonitoringReport(monitoringData());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('aria-label="cash_loan: outcome rates per day"');
    expect(html).toContain('aria-label="cash_loan: decisions per day"');
    expect(html).toContain('aria-label="Principal reasons by frequency"');
    expect(html).toContain('No model is active: drift cannot be measured.');
    expect(html).toMatch(/<span class="badge critical">critical<\/span><\/td><td>outage<\/td>/);
    expect(html).toContain('No cash loans or credit lines in this window.');
    expect(html).toContain('No account was open at two month ends of this window.');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('draws a roll-rate heat table per product: share of accounts per cell, count and share of what was owed', () => {
    const data = monitoringData();
    const rolls = createRollRateAggregator({
      from: parseLocalDate('2026-10-01'),
      to: parseLocalDate('2026-11-30'),
      product: null,
    });
    const at = (monthEnd: string, state: 'M0' | 'M1', balance: bigint) => ({
      monthEnd: parseLocalDate(monthEnd),
      state,
      balance,
    });
    rolls.add({
      product: 'credit_line',
      accountId: 'lin_1',
      positions: [at('2026-10-31', 'M0', 30_000n), at('2026-11-30', 'M1', 30_000n)],
    });
    rolls.add({
      product: 'credit_line',
      accountId: 'lin_2',
      positions: [at('2026-10-31', 'M0', 10_000n), at('2026-11-30', 'M0', 0n)],
    });
    const html = renderMonitoringReport({ ...data, rollRates: rolls.report() });
    expect(html).toContain(
      '<caption>credit_line: 1 month(s) from 2026-10-01 to 2026-11-30, added up</caption>',
    );
    expect(html).toMatch(/<th scope="row">M0<\/th><td class="num">2<\/td><td class="num">CNY 400\.00<\/td>/);
    expect(html).toContain('50.0%<br><span class="muted">1 · 75.0% of owed</span>');
    expect(html).not.toContain('No account was open at two month ends of this window.');
  });

  it('escapes what it did not write itself (a product code, a reason code)', () => {
    const data = monitoringData();
    const hostile = {
      ...data,
      outcomes: {
        ...data.outcomes,
        summary: data.outcomes.summary.map((group) => ({ ...group, product: '<script>alert(1)</script>' })),
      },
    };
    const html = renderMonitoringReport(hostile);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws the swap-set matrix with the counts of the simulation', () => {
    const graph = JSON.parse(
      readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
    ) as unknown;
    const simulation = createSimulation(window, compilePolicy(graph), 'sha-of-candidate');
    const settings = parseLendingSettings(
      JSON.parse(readFileSync(new URL('../../policies/settings.json', import.meta.url), 'utf8')),
    );
    const product = productOn(settings.products, 'cash_loan', window.from)?.product;
    if (!product) throw new Error('no cash_loan in the default settings');
    const document = toPolicyDocument({
      productType: 'cash_loan',
      score: 720,
      subScores: { identity: 700, capacity: 700, history: 720, relationships: 680, behaviour: 710 },
      verificationLevel: 3,
      age: 30,
      blocklisted: false,
      overdueAmountHere: fen(0n),
      overdueAmountElsewhere: fen(0n),
      inquiries30d: 1,
      hasActiveHold: false,
      historyMonths: 48,
      isNewUser: false,
      onTimeCycles: 24,
      monthlyIncome: fen(1_200_000n),
      monthlyDebtPayments: fen(0n),
      requestedAmount: null,
      product,
      appetite: {
        effectiveFrom: parseLocalDate('2026-01-01'),
        name: 'normal',
        cutoffRaise: 0,
        limitScale: parseRate('1'),
        note: '',
      },
    });
    // Recorded as declined: the candidate approves it — one swap-in.
    simulation.add({
      id: 'dec_1',
      decisionDate: parseLocalDate('2026-11-16'),
      productCode: 'cash_loan',
      arm: 'champion',
      kind: 'application',
      outcome: 'declined',
      limit: fen(0n),
      apr: null,
      score: 720,
      pd: 0.02,
      policyChecksum: 'another',
      policyDocument: JSON.parse(JSON.stringify(document)),
      legalCap: { effectiveFrom: '2020-08-20', annualRate: '0.24' },
    });
    const result: SimulationResult = {
      candidate: { checksum: 'sha-of-candidate', warnings: [], saved: null },
      report: simulation.report(),
      recordsRead: 1,
      elapsedMs: 1,
    };
    expect(result.report.total).toMatchObject({ swapIns: 1, swapOuts: 0 });
    const html = renderSimulationReport(result, 'candidate.json');
    expect(html).toContain('aria-label="Swap-set matrix: recorded outcome × candidate outcome"');
    expect(html).toMatch(/font-weight="600" fill="#212121">1<\/text><text[^>]*>swap-in<\/text>/);
    expect(html).toContain('0.0% recorded → 100.0% candidate: 1 swap-ins, 0 swap-outs');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
