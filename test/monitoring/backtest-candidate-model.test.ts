import { afterAll, describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/decisions/decision.ts';
import { evaluateDecision } from '../../src/decisions/evaluate-decision.ts';
import { appetiteOn, productOn } from '../../src/policy/index.ts';
import { createScorer } from '../../src/scoring/index.ts';
import { runCli } from '../support/cli.ts';
import { storesUnderTest } from '../support/stores.ts';
import { shadowScorecard } from '../decisions/shadow-support.ts';
import { testScorecard } from '../decisions/support.ts';
import { monitoringScenario, type MonitoringScenario } from './scenario.ts';

/**
 * Backtesting a candidate model, on every store, over the monitoring scenario's two days of decisions (the
 * run happens two months later, after the day-end brought one loan 31 days past due): every application
 * is re-decided from the facts its decision recorded — by the active model (which reproduces each recorded
 * outcome, limit and price: same facts, same model, and the policy in force then is still in force) and by
 * the candidate — through the current policy; the comparison equals an independent re-evaluation; the one
 * decision whose loans matured (one bad) is the matured sample; the run is a job with progress over HTTP
 * and on the command line.
 */
const scenarios: MonitoringScenario[] = [];
afterAll(async () => {
  for (const scenario of scenarios) await scenario.t.app.stop();
});

const WINDOW = { from: '2026-11-22', to: '2026-11-23' };
const engine = (records: readonly DecisionRecord[]) =>
  records.filter((record) => record.kind !== 'override' && record.fault === null);

describe.each(storesUnderTest())('backtest of a candidate model on $name', (store) => {
  it('backtest-candidate-model: re-scores past applications from their facts, against the champion, through the current policy', async () => {
    const scenario = await monitoringScenario(store);
    scenarios.push(scenario);
    const { t, records } = scenario;
    const { services } = t.app;
    await services.models.register(shadowScorecard());

    const started = await t.app.http.inject({
      method: 'POST',
      url: '/v1/models/shadow-seed2/backtests',
      headers: t.auth('analyst'),
      payload: WINDOW,
    });
    expect(started.statusCode).toBe(202);
    const { backtestId } = started.json() as { backtestId: string };
    expect(backtestId).toMatch(/^bkt_/);
    await services.modelBacktests.idle();
    const finished = await t.app.http.inject({
      url: `/v1/models/backtests/${backtestId}`,
      headers: t.auth('analyst'),
    });
    expect(finished.statusCode).toBe(200);
    const body = finished.json();
    expect(body).toMatchObject({
      status: 'done',
      model: 'shadow-seed2',
      championModel: testScorecard().version,
    });
    expect(body.done).toBe(body.total);
    expect(body.total).toBe(records.length);
    const report = body.report;

    // What ran: today's champion policy for each product, the active model against the candidate.
    const today = t.clock.today();
    const settings = await services.policies.settings();
    const inForce = await services.policies.inForce('default', today);
    expect(report.policy).toEqual({
      date: today,
      versions: { cash_loan: inForce?.id, credit_line: inForce?.id },
    });
    const decided = engine(records);
    expect(report.applications).toBe(decided.length);
    expect(report.skipped).toEqual({ faults: 1, overrides: 1 });

    // Independently: each record's facts through the current policy, with each model.
    const compiled = await services.policies.compiled(inForce?.id ?? '');
    const champion = createScorer(testScorecard());
    const candidate = createScorer(shadowScorecard());
    const redecide = (record: DecisionRecord, card: ReturnType<typeof createScorer>) =>
      evaluateDecision(
        record.facts!,
        card,
        {
          product: productOn(settings.products, record.productCode, today)!.product,
          appetite: appetiteOn(settings.riskAppetite, today),
          policy: compiled,
          legalRateCaps: settings.legalRateCaps,
        },
        { recourse: false },
      );
    const matrix: Record<string, number> = {};
    for (const record of decided) {
      const byChampion = redecide(record, champion);
      // The same facts, model and policy as recorded: the champion gives back what the customer got.
      expect([byChampion.outcome, byChampion.limit]).toEqual([record.outcome, record.limit]);
      const key = `${byChampion.outcome}>${redecide(record, candidate).outcome}`;
      matrix[key] = (matrix[key] ?? 0) + 1;
    }
    for (const row of ['approved', 'declined', 'referred'])
      for (const column of ['approved', 'declined', 'referred'])
        expect(report.comparison.matrix[row][column]).toBe(matrix[`${row}>${column}`] ?? 0);

    // The clean customer's first approval opened both loans; one went 31 days past due: bad.
    expect(report.matured).toEqual({ applications: 1, bads: 1 });
    expect(report.discrimination).toBeNull();
    expect(report.segments.product.map((segment: { segment: string }) => segment.segment)).toEqual([
      'cash_loan',
      'credit_line',
    ]);
    expect(
      report.segments.scoreBand.reduce(
        (sum: number, segment: { applications: number }) => sum + segment.applications,
        0,
      ),
    ).toBe(decided.length);

    // The model's runs, newest first; refusals name what is wrong.
    const list = await t.app.http.inject({
      url: '/v1/models/shadow-seed2/backtests',
      headers: t.auth('analyst'),
    });
    expect(list.json().backtests.map((run: { backtestId: string }) => run.backtestId)).toEqual([backtestId]);
    const unknown = await t.app.http.inject({
      method: 'POST',
      url: '/v1/models/no-such-model/backtests',
      headers: t.auth('analyst'),
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    const reversed = await t.app.http.inject({
      method: 'POST',
      url: '/v1/models/shadow-seed2/backtests',
      headers: t.auth('analyst'),
      payload: { from: '2026-11-23', to: '2026-11-22' },
    });
    expect(reversed.statusCode).toBe(422);
    const forbidden = await t.app.http.inject({
      method: 'POST',
      url: '/v1/models/shadow-seed2/backtests',
      headers: t.auth('app'),
      payload: {},
    });
    expect(forbidden.statusCode).toBe(403);

    // The champion backtested against itself agrees everywhere.
    const itself = await services.monitoring.backtest({ ...WINDOW, model: testScorecard().version });
    expect(itself.comparison.agreed).toBe(decided.length);
    expect([itself.comparison.swapIns.count, itself.comparison.swapOuts.count]).toEqual([0, 0]);

    // On the command line, with --json: the same report.
    const cli = await runCli(
      ['models', 'backtest', 'shadow-seed2', '--from', WINDOW.from, '--to', WINDOW.to, '--json'],
      {
        app: t.app,
      },
    );
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout);
    expect(printed.status).toBe('done');
    expect(printed.report.comparison.matrix).toEqual(report.comparison.matrix);
    const human = await runCli(
      ['models', 'backtest', 'shadow-seed2', '--from', WINDOW.from, '--to', WINDOW.to],
      {
        app: t.app,
      },
    );
    expect(human.stdout).toMatch(/candidate shadow-seed2 against champion/);
    expect(human.stdout).toMatch(/matured 1 \(1 bad\)/);
    const missing = await runCli(['models', 'backtest', 'no-such-model'], { app: t.app });
    expect(missing.code).not.toBe(0);
  }, 120_000);
});
