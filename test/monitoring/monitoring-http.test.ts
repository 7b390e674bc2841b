import { afterAll, describe, expect, it } from 'vitest';
import {
  outcomeReportView,
  performanceReportView,
  rollRateReportView,
} from '../../src/monitoring/report-views.ts';
import { toJson } from '../../src/platform/database/database.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { defaultPolicyGraph } from './policies.ts';
import { monitoringScenario, type MonitoringScenario } from './scenario.ts';

/**
 * The monitoring API on every store: analysts only; parameters are strings, checked with the field and
 * the rule named; answers are what the service computes, amounts in yuan (and integer fen under `…Fen`).
 */
const yuanOf = (fen: string | null | undefined): string | null =>
  fen === null || fen === undefined
    ? null
    : `${BigInt(fen) / 100n}.${String(BigInt(fen) % 100n).padStart(2, '0')}`;
const scenarios: MonitoringScenario[] = [];
const apps: TestApp[] = [];
afterAll(async () => {
  for (const scenario of scenarios) await scenario.t.app.stop();
  for (const app of apps) await app.app.stop();
});

describe.each(storesUnderTest())('monitoring over HTTP on $name', (store) => {
  let scenario: MonitoringScenario;

  const get = (url: string, role: 'analyst' | 'app' | 'admin' = 'analyst') =>
    scenario.t.app.http.inject({ url, headers: scenario.t.auth(role) });

  it('answers outcomes, drift and alerts to analysts, as the service computes them', async () => {
    scenario = await monitoringScenario(store, { loans: false });
    scenarios.push(scenario);
    const { t } = scenario;
    const outcomes = await get('/v1/monitoring/outcomes?from=2026-11-22&to=2026-11-23&product=cash_loan');
    expect(outcomes.statusCode).toBe(200);
    const expected = await t.app.services.monitoring.outcomes({
      from: '2026-11-22',
      to: '2026-11-23',
      product: 'cash_loan',
    });
    expect(outcomes.json()).toEqual(JSON.parse(toJson(outcomeReportView(expected))));
    // One unit per field name: yuan under the plain names, integer fen under …Fen — the same amounts.
    const figures = [...outcomes.json().summary, ...outcomes.json().days, outcomes.json().total] as Array<
      Record<string, string | null>
    >;
    expect(expected.total.approvedLimitTotal).toBeGreaterThan(0n);
    expect(outcomes.json().total.approvedLimitTotalFen).toBe(expected.total.approvedLimitTotal.toString());
    for (const group of figures) {
      expect(group.approvedLimitTotal).toMatch(/^\d+\.\d{2}$/);
      expect(group.approvedLimitTotal).toBe(yuanOf(group.approvedLimitTotalFen));
      expect(group.averageApprovedLimit).toBe(yuanOf(group.averageApprovedLimitFen));
    }
    expect(outcomes.json().total.overrides).toEqual({ total: 1, approved: 1, declined: 0, referred: 0 });

    const drift = await get('/v1/monitoring/drift?from=2026-11-16&to=2026-11-29&minDecisions=1');
    expect(drift.statusCode).toBe(200);
    expect(
      drift.json().weeks.map((week: { from: string; decisions: number }) => [week.from, week.decisions]),
    ).toEqual([
      ['2026-11-16', 9],
      ['2026-11-23', 4],
    ]);
    const alerts = await get('/v1/monitoring/alerts?from=2026-11-16&to=2026-11-29');
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json().alerts[0]).toMatchObject({
      severity: 'critical',
      kind: 'outage',
      from: '2026-11-22',
    });
    const performance = await get('/v1/monitoring/performance?from=2026-01-01&to=2026-11-23');
    expect(performance.statusCode).toBe(200);
    expect(performance.json().total).toMatchObject({ loans: 0, principal: '0.00', principalFen: '0' });
    expect(performance.json()).toEqual(
      JSON.parse(
        toJson(
          performanceReportView(
            await t.app.services.monitoring.performance({ from: '2026-01-01', to: '2026-11-23' }),
          ),
        ),
      ),
    );
    const rolls = await get('/v1/monitoring/roll-rates?from=2026-01-01&to=2026-11-30&product=credit_line');
    expect(rolls.statusCode).toBe(200);
    expect(rolls.json()).toEqual(
      JSON.parse(
        toJson(
          rollRateReportView(
            await t.app.services.monitoring.rollRates({
              from: '2026-01-01',
              to: '2026-11-30',
              product: 'credit_line',
            }),
          ),
        ),
      ),
    );
    // Ten month ends from January to October roll to the next; no loan or line was open at any of them.
    expect(rolls.json().combined.months).toHaveLength(10);
    expect(rolls.json().combined.total[0]).toMatchObject({ from: 'M0', accounts: 0, balanceFen: '0' });
  });

  it('refuses other roles, missing keys and bad parameters with problem+json naming field and rule', async () => {
    expect((await get('/v1/monitoring/outcomes', 'app')).statusCode).toBe(403);
    expect((await get('/v1/monitoring/roll-rates', 'app')).statusCode).toBe(403);
    expect((await get('/v1/monitoring/outcomes', 'admin')).statusCode).toBe(200);
    const anonymous = await scenario.t.app.http.inject({ url: '/v1/monitoring/alerts' });
    expect(anonymous.statusCode).toBe(401);
    const cases: Array<[string, string, string]> = [
      ['/v1/monitoring/outcomes?from=2026-13-01', 'from', 'date'],
      ['/v1/monitoring/outcomes?from=22-11-2026', 'from', 'iso-date'],
      ['/v1/monitoring/outcomes?from=2026-11-23&to=2026-11-22', 'from', 'order'],
      ['/v1/monitoring/outcomes?from=2020-01-01&to=2026-11-22', 'to', 'max-span'],
      ['/v1/monitoring/outcomes?product=Cash-Loan', 'product', 'product-code'],
      ['/v1/monitoring/outcomes?product=mortgage', 'product', 'known-product'],
      ['/v1/monitoring/roll-rates?product=mortgage', 'product', 'known-product'],
      ['/v1/monitoring/roll-rates?from=2026-11-23&to=2026-11-22', 'from', 'order'],
      ['/v1/monitoring/drift?minDecisions=many', 'minDecisions', 'non-negative-integer'],
      ['/v1/monitoring/outcomes?colour=red', 'querystring.colour', 'unknown-field'],
    ];
    for (const [url, field, rule] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0], url).toMatchObject({ field, rule });
    }
    const unknownModel = await get('/v1/monitoring/drift?model=no-such-model');
    expect(unknownModel.statusCode).toBe(404);
  });

  it('simulates a candidate posted as JSON: nothing saved, every record of the policy in force reproduced', async () => {
    const { t, records } = scenario;
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/v1/monitoring/simulations',
      headers: t.auth('analyst'),
      payload: { policy: defaultPolicyGraph(), from: '2026-11-22', to: '2026-11-23' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const simulable = records.filter((record) => record.kind !== 'override' && record.fault === null).length;
    expect(body.report.reproduction).toMatchObject({ records: simulable, reproduced: simulable });
    expect(body.report.total).toMatchObject({ swapIns: 0, swapOuts: 0 });
    expect(typeof body.report.total.limits.totalBefore).toBe('string');
    expect(body.candidate.saved).toBeNull();
    expect(body.recordsRead).toBe(records.length);

    const broken = await t.app.http.inject({
      method: 'POST',
      url: '/v1/monitoring/simulations',
      headers: t.auth('analyst'),
      payload: { policy: { nodes: [{ id: 'x', type: 'functionNode', name: 'Script' }], edges: [] } },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().detail).toMatch(/Script/);
    const extra = await t.app.http.inject({
      method: 'POST',
      url: '/v1/monitoring/simulations',
      headers: t.auth('analyst'),
      payload: { policy: defaultPolicyGraph(), dryRun: true },
    });
    expect(extra.statusCode).toBe(422);
    expect(extra.json().errors[0]).toMatchObject({
      field: expect.stringContaining('dryRun'),
      rule: 'unknown-field',
    });
    const badSave = await t.app.http.inject({
      method: 'POST',
      url: '/v1/monitoring/simulations',
      headers: t.auth('analyst'),
      payload: { policy: defaultPolicyGraph(), save: { name: 'default', effectiveFrom: 'soon' } },
    });
    expect(badSave.statusCode).toBe(422);
    expect(badSave.json().errors[0]).toMatchObject({ field: 'save.effectiveFrom', rule: 'iso-date' });
    const pastSave = await t.app.http.inject({
      method: 'POST',
      url: '/v1/monitoring/simulations',
      headers: t.auth('analyst'),
      payload: { policy: defaultPolicyGraph(), save: { name: 'default', effectiveFrom: '2026-11-01' } },
    });
    expect(pastSave.statusCode).toBe(422);
    expect(pastSave.json().errors).toEqual([
      expect.objectContaining({ field: 'save.effectiveFrom', rule: 'not-in-past' }),
    ]);
    expect(pastSave.json().detail).toMatch(
      /^save\.effectiveFrom: a new version of "default" takes effect today/,
    );
    const asApp = await t.app.http.inject({
      method: 'POST',
      url: '/v1/monitoring/simulations',
      headers: t.auth('app'),
      payload: { policy: defaultPolicyGraph() },
    });
    expect(asApp.statusCode).toBe(403);
  });

  it('says drift needs a model when none is active (422), while alerts still report outages', async () => {
    const bare = await createTestApp({ store });
    apps.push(bare);
    const drift = await bare.app.http.inject({ url: '/v1/monitoring/drift', headers: bare.auth('analyst') });
    expect(drift.statusCode).toBe(422);
    expect(drift.json()).toMatchObject({ code: 'UNPROCESSABLE', rule: 'active-model' });
    const alerts = await bare.app.http.inject({
      url: '/v1/monitoring/alerts',
      headers: bare.auth('analyst'),
    });
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json().alerts).toEqual([
      expect.objectContaining({ severity: 'info', kind: 'no-active-model' }),
    ]);
  });
});
