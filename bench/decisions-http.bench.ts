import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApp } from '../src/app.ts';
import type { App } from '../src/services.ts';
import { DEMO_CASES, DEMO_SETTINGS, seedDemoCases } from '../src/demo/cases/demo-cases.ts';
import { generateApiKeySecret } from '../src/platform/auth/api-keys.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import type { Database } from '../src/platform/database/database.ts';
import { openPglite } from '../src/platform/database/pglite.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { installDefaultPolicies } from '../src/policy/policy-files.node.ts';
import { testScorecard } from '../test/decisions/scorecard.ts';
import type { BenchSuite, Measurement } from './harness.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The same server over its Unix-domain socket, when it has one here (a co-located database's usual link). */
const SOCKET_DIR = '/var/run/postgresql';
const POSTGRES_SOCKET_URL =
  process.env.BENCH_DATABASE_URL === undefined && existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`)
    ? `postgresql://postgres@localhost/test?host=${SOCKET_DIR}`
    : undefined;
const TICK_MS = 10; // Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ).
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 8);
const PIPELINING = 1;
const SECONDS = 10;
const run = promisify(execFile);

/**
 * `POST /v1/decisions` over HTTP on loopback with persistence. The load comes from autocannon in its own
 * process (it would otherwise share the server's event loop): 8 connections, no pipelining, 10 s after a
 * 3 s warm-up, the demo's nine customers × both products in turn — approvals that open or adjust the
 * facility in the same transaction, declines with recourse, a referral by fault. Every request is a whole
 * decision: snapshot, score, policy with trace, reasons, recourse, the record (facts, trace) in the
 * database.
 *
 * Two figures per store: **warm** — the snapshot cache holds the customers' decoded events (each request
 * still reads the customer's events version and the blocklist, and the facility, then writes) — and
 * **cold** — the cache is off, so every request reads the customer's whole event history from the
 * database and decodes it.
 */
interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly errors: number;
  /** The load generator's CPU time over the run, ms. */
  readonly loaderCpuMs: number;
}

/** CPU time (user + system, ms) of these processes so far, from /proc; 0 for one that is gone. */
function processCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended (or /proc is not there): it adds nothing.
    }
  }
  return ticks * TICK_MS;
}

async function load(url: string, secret: string, bodies: string[], seconds: number): Promise<Load> {
  const script = fileURLToPath(new URL('./http-load.mjs', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    [
      script,
      JSON.stringify({
        url: `${url}/v1/decisions`,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        bodies,
        connections: CONNECTIONS,
        pipelining: PIPELINING,
        duration: seconds,
      }),
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
    cpuMs: number;
  };
  return {
    rps: result.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.total,
    errors: result.non2xx + result.errors + result.timeouts,
    loaderCpuMs: result.cpuMs,
  };
}

async function measure(
  name: string,
  db: Database,
  cache: boolean,
  log: (line: string) => void,
): Promise<Load> {
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
    ...(cache ? {} : { snapshotCacheSize: 0 }),
  });
  try {
    await installDefaultPolicies(app.services.policies);
    await app.services.policies.loadSettings(DEMO_SETTINGS);
    const card = testScorecard();
    await app.services.models.register(card).catch(() => undefined);
    await app.services.models.activate(card.version);
    const seeded = await seedDemoCases(app.services.customers, app.clock.now());
    const secret = generateApiKeySecret('app', seededRandomBytes(cache ? 5 : 6));
    await app.services.apiKeys.create({ name: `bench ${cache ? 'warm' : 'cold'}`, role: 'app', secret });
    const url = await app.start();
    const bodies = seeded.flatMap((entry) =>
      ['cash_loan', 'credit_line'].map((product) =>
        JSON.stringify({ customerId: entry.customerId, product }),
      ),
    );
    await load(url, secret, bodies, 3); // warm-up: JIT, pools, and (when on) the snapshot cache
    // Where the CPU goes: this process (the server), the database's backends serving it, the load generator.
    const backends =
      db.dialect === 'postgres'
        ? (
            await db.query<{ pid: number }>(
              `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
            )
          ).rows.map((row) => Number(row.pid))
        : [];
    const serverBefore = process.cpuUsage();
    const backendsBefore = processCpuMs(backends);
    const result = await load(url, secret, bodies, SECONDS);
    const serverUsed = process.cpuUsage(serverBefore);
    const serverCpu = (serverUsed.user + serverUsed.system) / 1000 / result.total;
    const databaseCpu = (processCpuMs(backends) - backendsBefore) / result.total;
    const loaderCpu = result.loaderCpuMs / result.total;
    log(
      `${name}, ${cache ? 'warm (snapshot cache on)' : 'cold (snapshot cache off)'}: ${result.total} decisions in ${SECONDS} s over ${CONNECTIONS} connections, pipelining ${PIPELINING} (${DEMO_CASES.length} customers × 2 products), ${result.errors} errors; latency p50 ${result.p50} ms, p99 ${result.p99} ms`,
    );
    log(
      `     CPU per decision: server ${serverCpu.toFixed(2)} ms, ${db.dialect === 'postgres' ? `PostgreSQL backends ${databaseCpu.toFixed(2)} ms` : 'PGlite runs in the server'}, load generator ${loaderCpu.toFixed(2)} ms — at most ${Math.round(2000 / (serverCpu + databaseCpu + loaderCpu))}/s on 2 cores if nothing else ran`,
    );
    // Let requests autocannon gave up on at the end finish before the database closes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return result;
  } finally {
    await app.stop();
  }
}

const suite: BenchSuite = {
  name: 'decisions-http',
  description: `POST /v1/decisions on loopback with persistence (autocannon in its own process, ${CONNECTIONS} connections, no pipelining), warm and cold, PGlite and PostgreSQL`,
  async run(log) {
    const out: Measurement[] = [];
    for (const cache of [true, false]) {
      const label = cache ? 'warm' : 'cold';
      const pglite = await measure('PGlite (in memory)', await openPglite(), cache, log);
      out.push(
        {
          metric: `decisions/s over HTTP, PGlite, ${label}`,
          unit: 'decisions/s',
          ours: pglite.rps,
          higherIsBetter: true,
        },
        { metric: `p99 latency, PGlite, ${label}`, unit: 'ms', ours: pglite.p99, higherIsBetter: false },
      );
      const schema = `bench_decisions_${process.pid}_${label}`;
      let postgres: Database | undefined;
      try {
        postgres = await openPostgres({ connectionString: POSTGRES_URL, schema, max: 20 });
      } catch (error) {
        log(
          `PostgreSQL at ${POSTGRES_URL} unavailable: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!postgres) continue;
      try {
        const pg = await measure('PostgreSQL', postgres, cache, log);
        out.push(
          {
            metric: `decisions/s over HTTP, PostgreSQL, ${label}`,
            unit: 'decisions/s',
            ours: pg.rps,
            higherIsBetter: true,
            target: '≥ 1,000/s with p99 ≤ 25 ms',
            met: pg.rps >= 1000 && pg.p99 <= 25 && pg.errors === 0,
          },
          { metric: `p50 latency, PostgreSQL, ${label}`, unit: 'ms', ours: pg.p50, higherIsBetter: false },
          { metric: `p99 latency, PostgreSQL, ${label}`, unit: 'ms', ours: pg.p99, higherIsBetter: false },
        );
      } finally {
        const admin = await openPostgres({ connectionString: POSTGRES_URL });
        await admin.exec(`drop schema if exists ${schema} cascade`);
        await admin.close();
      }
      if (!cache || !POSTGRES_SOCKET_URL) continue;
      const socketSchema = `${schema}_socket`;
      const viaSocket = await openPostgres({
        connectionString: POSTGRES_SOCKET_URL,
        schema: socketSchema,
        max: 20,
      });
      try {
        const pg = await measure('PostgreSQL over its Unix socket', viaSocket, cache, log);
        out.push(
          {
            metric: `decisions/s over HTTP, PostgreSQL (Unix socket), ${label}`,
            unit: 'decisions/s',
            ours: pg.rps,
            higherIsBetter: true,
            target: '≥ 1,000/s with p99 ≤ 25 ms',
            met: pg.rps >= 1000 && pg.p99 <= 25 && pg.errors === 0,
          },
          {
            metric: `p99 latency, PostgreSQL (Unix socket), ${label}`,
            unit: 'ms',
            ours: pg.p99,
            higherIsBetter: false,
          },
        );
      } finally {
        const admin = await openPostgres({ connectionString: POSTGRES_URL });
        await admin.exec(`drop schema if exists ${socketSchema} cascade`);
        await admin.close();
      }
    }
    return out;
  },
};

export default suite;
