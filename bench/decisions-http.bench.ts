import autocannon from 'autocannon';
import { createApp, type App } from '../src/app.ts';
import { DEMO_CASES, DEMO_SETTINGS, seedDemoCases } from '../src/decisions/demo-cases.ts';
import { generateApiKeySecret } from '../src/platform/auth/api-keys.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import type { Database } from '../src/platform/database/database.ts';
import { seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { installDefaultPolicies } from '../src/policy/policy-files.node.ts';
import { testScorecard } from '../test/decisions/scorecard.ts';
import { quantile, type BenchSuite, type Measurement } from './harness.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * `POST /v1/decisions` over HTTP on loopback with persistence (autocannon): the demo's nine customers in
 * turn, cash loan and credit line, so the mix has approvals (which adjust the facility in the same
 * transaction), declines with recourse, and a referral. Every request is a full decision: snapshot from the
 * database, score, policy, reasons, recourse, the record (facts, trace) and the facility, in one transaction.
 */
async function measure(
  name: string,
  db: Database,
  log: (line: string) => void,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const app: App = await createApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent',
      databaseUrl: undefined,
      logLevel: 'warn',
      bodyLimit: 1_048_576,
      pii: testPiiConfig(),
    },
    db,
    logger: createLogger({ level: 'warn' }),
  });
  try {
    await installDefaultPolicies(app.services.policies);
    await app.services.policies.loadSettings(DEMO_SETTINGS);
    const card = testScorecard();
    await app.services.models.register(card);
    await app.services.models.activate(card.version);
    const seeded = await seedDemoCases(app.services.customers, app.clock.now());
    const secret = generateApiKeySecret('app', seededRandomBytes(5));
    await app.services.apiKeys.create({ name: 'bench', role: 'app', secret });
    const url = await app.start();
    const bodies = seeded.flatMap((entry) =>
      ['cash_loan', 'credit_line'].map((product) =>
        JSON.stringify({ customerId: entry.customerId, product }),
      ),
    );
    let n = 0;
    const run = (duration: number) =>
      autocannon({
        url: `${url}/v1/decisions`,
        connections: 16,
        duration,
        requests: [
          {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: bodies[n++ % bodies.length] }),
          },
        ],
      });
    await run(3); // warm-up: JIT, caches, pools
    const result = await run(10);
    const errors = result.non2xx + result.errors;
    log(
      `${name}: ${result.requests.total} decisions in 10 s over 16 connections (${DEMO_CASES.length} customers × 2 products), ${errors} errors; latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms`,
    );
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
  } finally {
    await app.stop();
  }
}

const suite: BenchSuite = {
  name: 'decisions-http',
  description:
    'POST /v1/decisions on loopback with persistence (autocannon, 16 connections), PGlite and PostgreSQL',
  async run(log) {
    const out: Measurement[] = [];
    const pglite = await measure('PGlite (in memory)', await openPglite(), log);
    out.push(
      {
        metric: 'decisions/s over HTTP, PGlite',
        unit: 'decisions/s',
        ours: pglite.rps,
        higherIsBetter: true,
      },
      { metric: 'p99 latency, PGlite', unit: 'ms', ours: pglite.p99, higherIsBetter: false },
    );
    const schema = `bench_decisions_${process.pid}`;
    let postgres: Database | undefined;
    try {
      postgres = await openPostgres({ connectionString: POSTGRES_URL, schema, max: 20 });
    } catch (error) {
      log(
        `PostgreSQL at ${POSTGRES_URL} unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (postgres) {
      const db = postgres;
      try {
        const pg = await measure('PostgreSQL', db, log);
        out.push(
          {
            metric: 'decisions/s over HTTP, PostgreSQL',
            unit: 'decisions/s',
            ours: pg.rps,
            higherIsBetter: true,
            target: '≥ 1,000/s with p99 ≤ 25 ms',
            met: pg.rps >= 1000 && pg.p99 <= 25,
          },
          { metric: 'p50 latency, PostgreSQL', unit: 'ms', ours: pg.p50, higherIsBetter: false },
          { metric: 'p99 latency, PostgreSQL', unit: 'ms', ours: pg.p99, higherIsBetter: false },
        );
      } finally {
        const admin = await openPostgres({ connectionString: POSTGRES_URL });
        await admin.exec(`drop schema if exists ${schema} cascade`);
        await admin.close();
      }
    }
    void quantile;
    return out;
  },
};

export default suite;
