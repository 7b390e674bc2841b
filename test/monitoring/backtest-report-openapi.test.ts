import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CASES } from '../../src/demo/cases/demo-cases.ts';
import {
  backtestReportView,
  createBacktestAggregator,
  type BacktestPair,
  type BacktestSide,
} from '../../src/monitoring/index.ts';
import { fen } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { parseLendingSettings } from '../../src/policy/index.ts';
import { DEFAULT_SCALING } from '../../src/scoring/index.ts';
import { storesUnderTest } from '../support/stores.ts';
import { installShadowCandidates, shadowScorecard } from '../decisions/shadow-support.ts';
import { monitoringScenario, type MonitoringScenario } from './scenario.ts';

/**
 * The backtest report and the shadow comparison are typed in `/openapi.json` (so the generated client
 * types them): the document's response schemas name every field the console reads, and real responses —
 * a backtest run over HTTP, a report with discrimination from the pure fold, a shadow comparison over
 * recorded shadows — validate against the schemas as published (closed objects: a field added to the
 * report without its schema fails here).
 */
const scenarios: MonitoringScenario[] = [];
afterAll(async () => {
  for (const scenario of scenarios) await scenario.t.app.stop();
});

type JsonSchema = Record<string, unknown>;

function responseSchema(document: JsonSchema, path: string, method: string, status: string): JsonSchema {
  const paths = document.paths as Record<string, Record<string, JsonSchema>>;
  const operation = paths[path]?.[method] as
    { responses: Record<string, { content: Record<string, { schema: JsonSchema }> }> } | undefined;
  const schema = operation?.responses[status]?.content['application/json']?.schema;
  if (!schema) throw new Error(`no ${status} schema for ${method} ${path}`);
  return schema;
}

function validatorOf(document: JsonSchema, schema: JsonSchema): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ components: document.components ?? {} }, 'openapi');
  // Component references (#/components/…) are resolved against the document.
  const rewritten = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'),
  ) as JsonSchema;
  return ajv.compile(rewritten);
}

const WINDOW = { from: '2026-11-22', to: '2026-11-23' };

describe.each(storesUnderTest())(
  'backtest report and shadow comparison in /openapi.json on $name',
  (store) => {
    it('backtest-report-openapi: the report is a typed schema and a real backtest response validates against it', async () => {
      const scenario = await monitoringScenario(store);
      scenarios.push(scenario);
      const { t } = scenario;
      await t.app.services.models.register(shadowScorecard());
      const document = (await t.app.http.inject({ url: '/openapi.json' })).json() as JsonSchema;

      const schema = responseSchema(document, '/v1/models/backtests/{id}', 'get', '200');
      const report = (schema.properties as Record<string, JsonSchema>).report as JsonSchema;
      const typed = (report.anyOf as JsonSchema[]).find((entry) => entry.type === 'object') as JsonSchema;
      // Not a free-form object: every part of the report is named, down to the metrics and the segments.
      expect(typed.additionalProperties).toBe(false);
      expect(Object.keys(typed.properties as JsonSchema).sort()).toEqual(
        [
          'applications',
          'candidate',
          'champion',
          'comparison',
          'discrimination',
          'matured',
          'maturity',
          'policy',
          'segments',
          'skipped',
          'swapObserved',
          'window',
        ].sort(),
      );
      const discrimination = (
        (typed.properties as Record<string, JsonSchema>).discrimination?.anyOf as JsonSchema[]
      ).find((entry) => entry.type === 'object') as JsonSchema;
      const metrics = (discrimination.properties as Record<string, JsonSchema>).champion as JsonSchema;
      expect(Object.keys(metrics.properties as JsonSchema)).toEqual(
        expect.arrayContaining(['auc', 'ks', 'gini']),
      );

      const validate = validatorOf(document, schema);
      const started = await t.app.http.inject({
        method: 'POST',
        url: '/v1/models/shadow-seed2/backtests',
        headers: t.auth('analyst'),
        payload: WINDOW,
      });
      expect(started.statusCode).toBe(202);
      expect(
        validatorOf(
          document,
          responseSchema(document, '/v1/models/{version}/backtests', 'post', '202'),
        )(started.json()),
      ).toBe(true);
      await t.app.services.modelBacktests.idle();
      const finished = await t.app.http.inject({
        url: `/v1/models/backtests/${(started.json() as { backtestId: string }).backtestId}`,
        headers: t.auth('analyst'),
      });
      const body = finished.json() as { status: string; report: Record<string, unknown> };
      expect(body.status).toBe('done');
      expect(body.report.applications).toBeGreaterThan(0);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);

      // A report with discrimination and every segment (the pure fold), as the route sends it.
      const withMetrics = {
        ...body,
        report: JSON.parse(JSON.stringify(backtestReportView(reportWithDiscrimination()))) as unknown,
      };
      expect((withMetrics.report as { discrimination: unknown }).discrimination).not.toBeNull();
      expect(validate(withMetrics), JSON.stringify(validate.errors)).toBe(true);
      // And the check can fail: a field the schema does not name is refused.
      const extra = { ...body, report: { ...body.report, surprise: 1 } };
      expect(validate(extra)).toBe(false);
    }, 300_000);

    it('backtest-report-openapi: a real shadow comparison validates against GET /v1/monitoring/shadow’s schema', async () => {
      const scenario = await monitoringScenario(store, { loans: false });
      scenarios.push(scenario);
      const { t } = scenario;
      const { services } = t.app;
      await installShadowCandidates(t);
      await services.policies.loadSettings(
        parseLendingSettings({
          assignments: ['cash_loan', 'credit_line'].map((productCode) => ({
            productCode,
            effectiveFrom: '2026-11-22',
            championPolicy: 'default',
            shadow: { policy: 'tight', model: 'shadow-seed2', shareBps: 10_000, until: null },
          })),
        }),
      );
      services.policies.forgetCaches();
      for (const demo of DEMO_CASES) {
        await services.decisions.decide({
          customerId: t.personas.get(demo.key) as string,
          productCode: 'cash_loan',
        });
        t.clock.advanceMs(60_000);
      }
      await services.decisions.shadows.idle();
      const document = (await t.app.http.inject({ url: '/openapi.json' })).json() as JsonSchema;
      const validate = validatorOf(document, responseSchema(document, '/v1/monitoring/shadow', 'get', '200'));
      const today = t.clock.today();
      const response = await t.app.http.inject({
        url: `/v1/monitoring/shadow?from=${today}&to=${today}`,
        headers: t.auth('analyst'),
      });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { total: { records: number } };
      expect(body.total.records).toBeGreaterThan(0);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }, 300_000);
  },
);

function reportWithDiscrimination() {
  const scaling = { ...DEFAULT_SCALING, factor: 40 / Math.LN2, offset: 600 - (40 / Math.LN2) * Math.log(50) };
  const side = (outcome: BacktestSide['outcome'], pd: number, score: number): BacktestSide => ({
    outcome,
    limit: fen(outcome === 'approved' ? 1_000_000n : 0n),
    apr: outcome === 'declined' ? null : parseRate('0.18'),
    score,
    pd,
  });
  const aggregator = createBacktestAggregator({
    from: '2026-01-01' as LocalDate,
    to: '2026-06-30' as LocalDate,
    product: null,
  });
  const pairs: BacktestPair[] = [0.02, 0.05, 0.08, 0.12, 0.3].map((pd, index) => ({
    decisionId: `dec_${index}`,
    productCode: index % 2 === 0 ? 'cash_loan' : 'credit_line',
    decisionDate: '2026-02-01' as LocalDate,
    age: 22 + index * 9,
    monthlyIncomeFen: index === 4 ? null : BigInt(200_000 * (index + 1)),
    champion: side(pd < 0.1 ? 'approved' : 'declined', pd, 700 - index * 30),
    candidate: side(pd < 0.2 ? 'approved' : 'referred', pd * 1.1, 690 - index * 30),
    verdict: index === 3 || index === 1 ? 'bad' : 'good',
  }));
  for (const pair of pairs) aggregator.add(pair);
  aggregator.skip('overrides');
  return aggregator.report({
    champion: { version: 'champion', contentHash: 'sha256:c', scaling },
    candidate: { version: 'candidate', contentHash: 'sha256:d', scaling },
    policy: { date: '2026-12-01' as LocalDate, versions: { cash_loan: 'pol_x' } },
    badDaysPastDue: 30,
  });
}
