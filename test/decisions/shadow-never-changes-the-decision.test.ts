import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecisionService } from '../../src/decisions/decision-service.ts';
import type { DecisionPorts } from '../../src/decisions/decisions-ports.ts';
import { DEMO_CASES } from '../../src/demo/cases/demo-cases.ts';
import { createFacilityWriter } from '../../src/lending/facilities/facility-writer.pg.ts';
import {
  toJson,
  type Database,
  type Queryable,
  type QueryResult,
} from '../../src/platform/database/database.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { parseMoney } from '../../src/platform/money/money.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { ShadowPlan } from '../../src/policy/index.ts';
import { storesUnderTest } from '../support/stores.ts';
import { installShadowCandidates } from './shadow-support.ts';
import { decisionTestApp, type DecisionTestApp } from './support.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Property: with a shadow on or off, what the customer gets is byte-identical. For random applicants (the
 * demo cases, both products, with or without an amount), random shadows (a stricter policy, another model,
 * both; or ones whose lookups fail, throw or hang past their time limit), the decision service is run twice
 * from the same clock and ids — once with the shadow, once without — and the statement that records the
 * decision, its parameters and the record returned to the caller are compared byte for byte. The shadow
 * must also have run (its own record written, with an outcome or an error), and only after the decision
 * was answered.
 */
let t: DecisionTestApp;
const stores = storesUnderTest();
afterAll(async () => {
  await t?.app.stop();
});

/** A database that keeps the decision's and the shadow's INSERTs (parameters serialised) instead of running them. */
function capturing(db: Database) {
  const decisions: string[] = [];
  const shadows: string[] = [];
  const wrap = (q: Queryable): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      const statement = sql.trim().toLowerCase();
      if (statement.startsWith('insert into decisions')) {
        decisions.push(`${sql}\n${toJson(params ?? [])}`);
        return { rows: [], rowCount: 1 };
      }
      if (statement.startsWith('insert into shadow_decisions')) {
        shadows.push(toJson(params ?? []));
        return { rows: [], rowCount: 1 };
      }
      return q.query<Row>(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  const wrapped: Database = {
    ...wrap(db),
    dialect: db.dialect,
    schema: db.schema,
    transaction: (work, options) => db.transaction((tx) => work(wrap(tx)), options),
    ping: () => db.ping(),
    close: async () => undefined,
  };
  return { db: wrapped, decisions, shadows };
}

type LookupMode = 'ok' | 'throws' | 'hangs';

const shadowArbitrary = fc
  .record({
    policy: fc.constantFrom<string | null>(null, 'tight', 'default', 'no-such-policy'),
    model: fc.constantFrom<string | null>(null, 'shadow-seed2', 'no-such-model'),
  })
  .filter((plan) => plan.policy !== null || plan.model !== null);

const applicantArbitrary = fc.record({
  key: fc.constantFrom(...DEMO_CASES.map((demo) => demo.key)),
  productCode: fc.constantFrom('cash_loan', 'credit_line'),
  amount: fc.option(fc.constantFrom('3000.00', '20000.00', '150000.00'), { nil: null }),
  plan: shadowArbitrary,
  lookups: fc.constantFrom<LookupMode>('ok', 'ok', 'throws', 'hangs'),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

type Applicant = typeof applicantArbitrary extends fc.Arbitrary<infer A> ? A : never;

describe.each(stores)('shadow mode never changes the decision on $name', (store) => {
  beforeAll(async () => {
    await t?.app.stop();
    t = await decisionTestApp({ store });
    await installShadowCandidates(t);
  });

  it('shadow-never-changes-the-decision: the recorded decision and the answer are byte-identical with the shadow on or off', async () => {
    const { services } = t.app;
    const start = t.clock.now();
    const realPorts: DecisionPorts = {
      snapshot: (id, asOf) => services.customers.getSnapshot(id, asOf),
      facility: async (id, product) => {
        const facility = await services.facilities.getFacility(id, product);
        return facility
          ? { openedAt: facility.openedAt, status: facility.status, limit: facility.limit, apr: facility.apr }
          : null;
      },
      scorer: (version) => services.models.scorer(version),
      resolvePolicy: (request) => services.policies.resolve(request),
      compiledPolicy: (id) => services.policies.compiled(id),
      policyVersion: (id) => services.policies.get(id),
      policyInForce: async (name, date) => {
        const version = await services.policies.inForce(name, date);
        return version ? { version, policy: await services.policies.compiled(version.id) } : undefined;
      },
    };
    const hang = () => new Promise<never>(() => undefined);
    const run = async (applicant: Applicant, plan: ShadowPlan | null) => {
      const capture = capturing(t.app.db);
      const clock = new ManualClock(start);
      const ids = createIdGenerator(clock, seededRandomBytes(applicant.seed));
      const failing = <T>(work: () => Promise<T>): Promise<T> =>
        applicant.lookups === 'throws'
          ? Promise.reject(new AppError('UNAVAILABLE', 'lookup down'))
          : applicant.lookups === 'hangs'
            ? hang()
            : work();
      const service = createDecisionService({
        db: capture.db,
        clock,
        ids,
        facilities: createFacilityWriter({ ...pgBooks(), clock, ids }),
        shadowTimeoutMs: 25,
        ports: {
          ...realPorts,
          resolvePolicy: async (request) => ({ ...(await realPorts.resolvePolicy(request)), shadow: plan }),
          // Only the shadow's own lookups fail: the deciding policy and model come through untouched.
          policyInForce: (name, date) => failing(() => realPorts.policyInForce!(name, date)),
          scorer: (version) =>
            version === undefined ? realPorts.scorer() : failing(() => realPorts.scorer(version)),
        },
      });
      const record = await service.decide({
        customerId: t.personas.get(applicant.key) as string,
        productCode: applicant.productCode,
        requestedAmount: applicant.amount === null ? null : parseMoney(applicant.amount),
        applyToFacility: false,
      });
      // The answer is out before any of the shadow's work has been written.
      const shadowsAtAnswer = capture.shadows.length;
      await service.shadows.idle();
      return {
        record: toJson(record),
        decisions: capture.decisions,
        shadows: capture.shadows,
        shadowsAtAnswer,
      };
    };

    await fc.assert(
      fc.asyncProperty(applicantArbitrary, async (applicant) => {
        const off = await run(applicant, null);
        const on = await run(applicant, applicant.plan);
        expect(on.record).toBe(off.record);
        expect(on.decisions).toEqual(off.decisions);
        expect(off.decisions).toHaveLength(1);
        expect(off.shadows).toEqual([]);
        const faulted = (JSON.parse(off.record) as { fault: unknown }).fault !== null;
        expect(on.shadows).toHaveLength(faulted ? 0 : 1);
        expect(on.shadowsAtAnswer).toBe(0);
      }),
      { numRuns: 40, seed: 1722 },
    );
  }, 120_000);
});
