import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import type { Outcome } from '../../src/decisions/evaluate-decision.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { storesUnderTest } from '../support/stores.ts';
import { defaultPolicyGraph, tightenedPolicy } from './policies.ts';
import { monitoringScenario, type MonitoringScenario } from './scenario.ts';

/**
 * Policy simulation over stored decision records, on every store. The policy in force, simulated on the
 * decisions it made, gives back every outcome, limit and price; a candidate with higher cut-offs swaps
 * out exactly the approvals that no longer clear the bar, and swaps nothing in; nothing is saved unless
 * asked.
 */
const scenarios: MonitoringScenario[] = [];
afterAll(async () => {
  for (const scenario of scenarios) await scenario.t.app.stop();
});

const WINDOW = { from: '2026-11-22', to: '2026-11-23' };
/** The default policy's cut-offs, the demo's tightening (+30 from 2026-11-01) and the referral band. */
const BASE_CUTOFF: Readonly<Record<string, number>> = { cash_loan: 600, credit_line: 560 };
const DEMO_RAISE = 30;
const BAND = 30;

const simulated = (records: readonly DecisionRecord[]) =>
  records.filter((record) => record.kind !== 'override' && record.fault === null);

describe.each(storesUnderTest())('policy simulation on $name', (store) => {
  let scenario: MonitoringScenario;

  it('simulation-current-policy: the default policy on its own records reproduces every stored outcome', async () => {
    scenario = await monitoringScenario(store, { loans: false });
    scenarios.push(scenario);
    const { t, records } = scenario;
    const decided = simulated(records);
    const result = await t.app.services.monitoring.simulate({ ...WINDOW, policy: defaultPolicyGraph() });
    const { report } = result;
    expect(result.recordsRead).toBe(records.length);
    expect(report.skipped).toEqual({ overrides: 1, faults: 1 });
    expect(report.failed.count).toBe(0);
    expect(report.reproduction).toMatchObject({
      records: decided.length,
      reproduced: decided.length,
      mismatches: [],
    });
    expect(result.candidate.checksum).toBe(decided[0]?.policyChecksum);
    const count = (outcome: Outcome) => decided.filter((record) => record.outcome === outcome).length;
    expect(report.total).toMatchObject({
      records: decided.length,
      before: { approved: count('approved'), declined: count('declined'), referred: count('referred') },
      after: { approved: count('approved'), declined: count('declined'), referred: count('referred') },
      swapIns: 0,
      swapOuts: 0,
      matrix: {
        approved: { approved: count('approved'), declined: 0, referred: 0 },
        declined: { approved: 0, declined: count('declined'), referred: 0 },
        referred: { approved: 0, declined: 0, referred: count('referred') },
      },
    });
    const approved = decided.filter((record) => record.outcome === 'approved');
    const exposure = approved.reduce((sum, record) => sum + record.limit, 0n);
    expect(report.total.limits).toMatchObject({
      totalBefore: exposure,
      totalAfter: exposure,
      raised: 0,
      lowered: 0,
      unchanged: approved.length,
    });
    expect(report.total.prices).toMatchObject({ raised: 0, lowered: 0, unchanged: approved.length });
    expect(report.total.expectedBadRate.after).toBe(report.total.expectedBadRate.before);
    expect(report.products.map((product) => [product.product, product.records])).toEqual([
      ['cash_loan', decided.filter((record) => record.productCode === 'cash_loan').length],
      ['credit_line', decided.filter((record) => record.productCode === 'credit_line').length],
    ]);
  });

  it('simulation-tightened: higher cut-offs swap out exactly the approvals below the new bar, nothing in', async () => {
    const { t, records } = scenario;
    const decided = simulated(records);
    // Raise each product's cut-off just past its lowest approved score (the demo scorecard may be
    // retrained by other work; the bar follows the scores it gives).
    const raise = (product: string): number => {
      const scores = decided
        .filter((record) => record.productCode === product && record.outcome === 'approved')
        .map((record) => record.score ?? 0);
      return scores.length === 0 ? 0 : Math.min(...scores) - ((BASE_CUTOFF[product] ?? 0) + DEMO_RAISE) + 1;
    };
    const cutoffRaise = { cash_loan: raise('cash_loan'), credit_line: raise('credit_line') };
    expect(cutoffRaise.cash_loan).toBeGreaterThan(0);
    const before = await t.app.services.policies.list();
    const candidate = tightenedPolicy({
      cutoffRaise,
      bandRaise: 0,
      multiHeadStricter: 0,
      limitScale: 1,
      priceRaiseBps: 0,
    });
    const progress: Array<[number, number]> = [];
    const { report, candidate: summary } = await t.app.services.monitoring.simulate(
      { ...WINDOW, policy: candidate },
      { onProgress: (done, total) => progress.push([done, total]) },
    );
    const expectedAfter = (record: DecisionRecord): Outcome => {
      if (record.outcome === 'declined') return 'declined';
      const product = record.productCode as keyof typeof cutoffRaise;
      const cutoff = (BASE_CUTOFF[product] ?? 0) + DEMO_RAISE + cutoffRaise[product];
      const score = record.score ?? 0;
      return score < cutoff ? 'declined' : score < cutoff + BAND ? 'referred' : 'approved';
    };
    const count = (outcome: Outcome) => decided.filter((record) => expectedAfter(record) === outcome).length;
    const swapOuts = decided.filter(
      (record) => record.outcome === 'approved' && expectedAfter(record) !== 'approved',
    ).length;
    expect(swapOuts).toBeGreaterThan(0);
    expect(report.total).toMatchObject({
      swapOuts,
      swapIns: 0,
      after: { approved: count('approved'), declined: count('declined'), referred: count('referred') },
    });
    // The candidate is not the policy that decided: no record is held to reproduce it.
    expect(report.reproduction.records).toBe(0);
    expect(summary.saved).toBeNull();
    expect(await t.app.services.policies.list()).toHaveLength(before.length);
    expect(progress.at(-1)).toEqual([records.length, records.length]);
  });

  it('saves the candidate as a new policy version only when asked, and refuses a broken one by node', async () => {
    const { t } = scenario;
    const candidate = tightenedPolicy({
      cutoffRaise: { cash_loan: 10, credit_line: 0 },
      bandRaise: 0,
      multiHeadStricter: 0,
      limitScale: 1,
      priceRaiseBps: 0,
    });
    const result = await t.app.services.monitoring.simulate({
      ...WINDOW,
      policy: candidate,
      save: { name: 'default', effectiveFrom: '2026-12-01', description: 'cash-loan cut-off +10' },
    });
    expect(result.candidate.saved).toMatchObject({ created: true });
    const version = await t.app.services.policies.get(result.candidate.saved?.versionId ?? '');
    expect(version).toMatchObject({
      name: 'default',
      effectiveFrom: '2026-12-01',
      checksum: result.candidate.checksum,
    });

    const broken = defaultPolicyGraph();
    broken.nodes.push({
      id: 'script',
      type: 'functionNode',
      name: 'Script',
    } as unknown as (typeof broken.nodes)[number]);
    const refused = await t.app.services.monitoring.simulate({ ...WINDOW, policy: broken }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isAppError(refused) && refused.code).toBe('VALIDATION_FAILED');
    expect(isAppError(refused) && refused.message).toMatch(/Script/);
  });
});
