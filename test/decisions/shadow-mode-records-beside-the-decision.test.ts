import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import { evaluateDecision } from '../../src/decisions/evaluate-decision.ts';
import { findShadowDecision } from '../../src/decisions/shadow-decisions.pg.ts';
import { DEMO_CASES } from '../../src/demo/cases/demo-cases.ts';
import { renderMonitoringReport } from '../../src/monitoring/index.ts';
import { toExactRateString } from '../../src/platform/money/rate.ts';
import { parseLocalDate } from '../../src/platform/time/local-date.ts';
import { compilePolicy, parseLendingSettings } from '../../src/policy/index.ts';
import { createScorer } from '../../src/scoring/index.ts';
import { storesUnderTest } from '../support/stores.ts';
import { installShadowCandidates, shadowScorecard, TIGHT_SHADOW } from './shadow-support.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';

/**
 * Shadow mode end to end, on every store: the assignment of both products names a shadow (the policy
 * `tight` and the model `shadow-seed2`, on every decision); each live decision the engine evaluates gets
 * exactly one shadow record beside it, whose outcome, limit, price, score and reasons are what the shadow
 * policy and model give on the decision's own recorded facts; a shadow that cannot run (an unknown model)
 * is recorded with its error and the decision is unaffected; a fault referral has no shadow; and the
 * comparison over the window counts every cell of the agreement matrix as a plain reference fold does.
 */
const apps: DecisionTestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

const shadowSettings = (model: string, shareBps = 10_000, until: string | null = null) =>
  parseLendingSettings({
    assignments: ['cash_loan', 'credit_line'].map((productCode) => ({
      productCode,
      effectiveFrom: '2026-11-22',
      championPolicy: 'default',
      shadow: { policy: 'tight', model, shareBps, until },
    })),
  });

describe.each(storesUnderTest())('shadow mode on $name', (store) => {
  it('shadow-mode-records-beside-the-decision: one shadow per evaluated decision, equal to the shadow on the recorded facts', async () => {
    const t = await decisionTestApp({ store });
    apps.push(t);
    const { services } = t.app;
    await installShadowCandidates(t);
    await services.policies.loadSettings(shadowSettings('shadow-seed2'));
    services.policies.forgetCaches();

    const records: DecisionRecord[] = [];
    for (const demo of DEMO_CASES) {
      for (const productCode of ['cash_loan', 'credit_line']) {
        const customerId = t.personas.get(demo.key) as string;
        records.push(await services.decisions.decide({ customerId, productCode }));
        t.clock.advanceMs(60_000);
      }
    }
    await services.decisions.shadows.idle();
    expect(services.decisions.shadows.stats()).toMatchObject({ unrecorded: 0, dropped: 0 });

    const tight = compilePolicy(TIGHT_SHADOW);
    const scorer = createScorer(shadowScorecard());
    const evaluated = records.filter((record) => record.fault === null);
    expect(evaluated.length).toBeGreaterThan(10);
    expect(records.some((record) => record.fault !== null)).toBe(true);
    let disagreements = 0;
    for (const record of records) {
      const shadow = await findShadowDecision(t.app.db, record.customerId, record.id);
      if (record.fault !== null) {
        expect(shadow).toBeUndefined();
        continue;
      }
      // What the customer got, copied as recorded.
      expect(shadow?.champion).toMatchObject({
        outcome: record.outcome,
        limit: record.limit,
        score: record.score,
        reasonCodes: record.reasons.map((reason) => reason.code),
      });
      // What the shadow policy and model give on the decision's own facts, computed here independently.
      const resolved = await services.policies.resolve({
        productCode: record.productCode,
        customerId: record.customerId,
        date: record.decisionDate,
      });
      const expected = evaluateDecision(
        record.facts!,
        scorer,
        {
          product: resolved.product,
          appetite: resolved.appetite,
          policy: tight,
          legalRateCaps: resolved.legalRateCaps,
        },
        { recourse: false },
      );
      expect(shadow?.error).toBeNull();
      expect(shadow?.shadowModelVersion).toBe('shadow-seed2');
      expect(shadow?.shadow).toMatchObject({
        outcome: expected.outcome,
        limit: expected.limit,
        score: expected.score.score,
        reasonCodes: expected.reasons.map((reason) => reason.code),
      });
      const apr = shadow?.shadow?.apr;
      expect(apr === null || apr === undefined ? null : toExactRateString(apr)).toBe(
        expected.outcome === 'declined' ? null : toExactRateString(expected.apr),
      );
      if (expected.outcome !== record.outcome) disagreements += 1;
    }
    // The shadow is stricter and scores differently: it must disagree somewhere, or the test shows nothing.
    expect(disagreements).toBeGreaterThan(0);

    // The comparison over the day: every matrix cell as a plain fold of (recorded, shadow) pairs.
    const report = await services.monitoring.shadow({ from: '2026-11-22', to: '2026-11-22' });
    const cells: Record<string, number> = {};
    for (const record of evaluated) {
      const shadow = await findShadowDecision(t.app.db, record.customerId, record.id);
      const key = `${record.outcome}>${shadow?.shadow?.outcome}`;
      cells[key] = (cells[key] ?? 0) + 1;
    }
    for (const row of ['approved', 'declined', 'referred'] as const)
      for (const column of ['approved', 'declined', 'referred'] as const)
        expect(report.total.matrix[row][column]).toBe(cells[`${row}>${column}`] ?? 0);
    expect(report.total.records).toBe(evaluated.length);
    expect(report.total.failed.count).toBe(0);
    const swapOuts = (cells['approved>declined'] ?? 0) + (cells['approved>referred'] ?? 0);
    const swapIns = (cells['declined>approved'] ?? 0) + (cells['referred>approved'] ?? 0);
    expect(report.total.swapOuts.count).toBe(swapOuts);
    expect(report.total.swapIns.count).toBe(swapIns);
    expect(report.shadows).toEqual([
      {
        policyVersionId: expect.stringMatching(/^pol_/),
        modelVersion: 'shadow-seed2',
        records: evaluated.length,
      },
    ]);
    expect(Object.keys(report.byProduct).sort()).toEqual(['cash_loan', 'credit_line']);

    // Over HTTP, for analysts only.
    const response = await t.app.http.inject({
      url: '/v1/monitoring/shadow?from=2026-11-22&to=2026-11-22',
      headers: t.auth('analyst'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().total.matrix).toEqual(report.total.matrix);
    const refused = await t.app.http.inject({ url: '/v1/monitoring/shadow', headers: t.auth('app') });
    expect(refused.statusCode).toBe(403);

    // In the monitoring report's page: the agreement matrix and the swap sets.
    const page = renderMonitoringReport(
      await services.monitoring.report({ from: '2026-11-22', to: '2026-11-22' }),
    );
    expect(page).toContain('<h2>Shadow mode</h2>');
    expect(page).toContain('Agreement matrix: champion outcome × shadow outcome');
    expect(page).toContain(`Agreement ${report.total.agreed} of ${report.total.records}`);
  });

  it('a shadow that cannot run is recorded with its error; outside its share or after its last day none runs', async () => {
    const t = await decisionTestApp({ store });
    apps.push(t);
    const { services } = t.app;
    await installShadowCandidates(t);
    const customerId = t.personas.get('clean_approval') as string;

    await services.policies.loadSettings(shadowSettings('no-such-model'));
    services.policies.forgetCaches();
    const decided = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
    await services.decisions.shadows.idle();
    expect(decided.outcome).toBe('approved');
    const failed = await findShadowDecision(t.app.db, customerId, decided.id);
    expect(failed).toMatchObject({ shadow: null, error: { stage: 'model', code: 'NOT_FOUND' } });
    const report = await services.monitoring.shadow({ from: '2026-11-22', to: '2026-11-22' });
    expect(report.total.failed).toEqual({ count: 1, byCode: { 'model:NOT_FOUND': 1 } });
    expect(report.total.records).toBe(0);

    // A share of 0 runs nothing; a shadow whose last day has passed runs nothing.
    await services.policies.loadSettings(shadowSettings('shadow-seed2', 0));
    services.policies.forgetCaches();
    const unshadowed = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
    await services.policies.loadSettings(shadowSettings('shadow-seed2', 10_000, '2026-11-22'));
    services.policies.forgetCaches();
    t.clock.set(new Date('2026-11-23T02:00:00Z'));
    const expired = await services.decisions.decide({ customerId, productCode: 'cash_loan' });
    await services.decisions.shadows.idle();
    expect(await findShadowDecision(t.app.db, customerId, unshadowed.id)).toBeUndefined();
    expect(await findShadowDecision(t.app.db, customerId, expired.id)).toBeUndefined();
    expect(parseLocalDate('2026-11-23')).toBe(expired.decisionDate);
  });
});
