import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createApp } from '../src/app.ts';
import type { App } from '../src/services.ts';
import { DEMO_SETTINGS, seedDemoCases } from '../src/demo/cases/demo-cases.ts';
import { generateApiKeySecret } from '../src/platform/auth/api-keys.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import type { Database } from '../src/platform/database/database.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { installDefaultPolicies } from '../src/policy/policy-files.node.ts';
import { testScorecard } from '../test/decisions/scorecard.ts';
import type { BenchSuite, Measurement } from './harness.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 8);
const SECONDS = 10;
const run = promisify(execFile);

/**
 * The load generator, in its own process so it does not share the server's event loop: autocannon GETs
 * one path template against the nine demo customers in turn, each request with that customer's own
 * credentials (a session token, or the app's API key for the peer). Result as JSON on stdout.
 */
const LOADER = `
import autocannon from 'autocannon';
const { base, targets, connections, duration } = JSON.parse(process.argv[1]);
let next = 0;
const result = await autocannon({
  url: base, connections, pipelining: 1, duration,
  requests: [{ method: 'GET', setupRequest: (request) => {
    const target = targets[next++ % targets.length];
    return { ...request, path: target.path, headers: { ...request.headers, authorization: 'Bearer ' + target.token } };
  } }],
});
process.stdout.write(JSON.stringify({ total: result.requests.total, average: result.requests.average,
  non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, latency: result.latency }));
`;

interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly errors: number;
}

async function load(
  base: string,
  targets: ReadonlyArray<{ path: string; token: string }>,
  seconds: number,
): Promise<Load> {
  const { stdout } = await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      LOADER,
      JSON.stringify({ base, targets, connections: CONNECTIONS, duration: seconds }),
    ],
    { maxBuffer: 1 << 20 },
  );
  const result = JSON.parse(stdout) as {
    total: number;
    average: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    latency: { p50: number; p99: number };
  };
  return {
    rps: result.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.total,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

async function measure(db: Database, log: (line: string) => void): Promise<{ me: Load; peer: Load }> {
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
    await app.services.models.register(card).catch(() => undefined);
    await app.services.models.activate(card.version);
    const seeded = await seedDemoCases(app.services.customers, app.clock.now());
    // Each customer has decided on both products, so the home screen has a score, facilities, reasons.
    for (const entry of seeded)
      for (const productCode of ['cash_loan', 'credit_line'])
        await app.services.decisions.decide({ customerId: entry.customerId, productCode });
    const secret = generateApiKeySecret('app', seededRandomBytes(13));
    await app.services.apiKeys.create({ name: 'bench me', role: 'app', secret });
    const sessions = await Promise.all(
      seeded.map((entry) =>
        app.services.customerSessions.issue({
          customerId: entry.customerId,
          ttlSeconds: 3_600,
          issuedBy: 'bench',
        }),
      ),
    );
    const url = await app.start();
    const me = sessions.map((session) => ({ path: '/v1/me', token: session.token }));
    const peer = seeded.map((entry) => ({ path: `/v1/customers/${entry.customerId}`, token: secret }));
    await load(url, me, 3); // warm-up: JIT, pools, the snapshot cache
    await load(url, peer, 2);
    const meLoad = await load(url, me, SECONDS);
    const peerLoad = await load(url, peer, SECONDS);
    for (const [name, result] of [
      ['GET /v1/me (customer session)', meLoad],
      ['GET /v1/customers/{id} (API key)', peerLoad],
    ] as const)
      log(
        `${name}: ${result.total} requests in ${SECONDS} s over ${CONNECTIONS} connections (9 customers in turn), ${result.errors} errors; ${Math.round(result.rps)}/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { me: meLoad, peer: peerLoad };
  } finally {
    await app.stop();
  }
}

const suite: BenchSuite = {
  name: 'me',
  description: `GET /v1/me (the customer's home screen) on PostgreSQL over HTTP, against GET /v1/customers/{id} with an API key in the same run (autocannon in its own process, ${CONNECTIONS} connections)`,
  async run(log) {
    const schema = `bench_me_${process.pid}`;
    let db: Database;
    try {
      db = await openPostgres({ connectionString: POSTGRES_URL, schema, max: 20 });
    } catch (error) {
      log(
        `PostgreSQL at ${POSTGRES_URL} unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
    try {
      const { me, peer } = await measure(db, log);
      const out: Measurement[] = [
        {
          metric: 'GET /v1/me p99, PostgreSQL',
          unit: 'ms',
          ours: me.p99,
          peer: peer.p99,
          peerName: 'GET /v1/customers/{id} p99 (one customer read, API key)',
          higherIsBetter: false,
          note: `p50 ${me.p50} vs ${peer.p50} ms; ${Math.round(me.rps)} vs ${Math.round(peer.rps)} requests/s; errors ${me.errors}/${peer.errors}`,
        },
      ];
      return out;
    } finally {
      const admin = await openPostgres({ connectionString: POSTGRES_URL });
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
    }
  },
};

export default suite;
