import { execFile, fork, type ChildProcess } from 'node:child_process';
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
import { countRoundTrips } from '../src/platform/database/round-trips.ts';
import { seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { installDefaultPolicies } from '../src/policy/policy-files.node.ts';
import { testScorecard } from '../test/decisions/scorecard.ts';
import type { NodeMessage, NodeSample } from './decisions-http-node.ts';
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
/** Seconds measured per run, after the warm-up (`BENCH_HTTP_SECONDS=2` for a quick look). */
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 3);
/** Database connections per API node. */
const POOL_SIZE = 20;
const run = promisify(execFile);

/** The issue's target (issue 16 item 5): on this 2-core machine, with PostgreSQL on the same machine. */
const TARGET_RPS = 1000;
const TARGET_P99_MS = 25;
const TARGET = `≥ ${TARGET_RPS.toLocaleString('en')}/s with p99 ≤ ${TARGET_P99_MS} ms`;
const CORES = 2;
/** The CPU a decision may cost, all processes together, for 2 cores to carry the target rate: 2.0 ms. */
const CPU_BUDGET_MS = (CORES * 1000) / TARGET_RPS;

/**
 * `POST /v1/decisions` over HTTP on loopback with persistence. The load comes from autocannon in its own
 * process (it would otherwise share the server's event loop): 8 connections, no pipelining, 10 s after a
 * 3 s warm-up, the demo's nine customers × both products in turn — approvals that open or adjust the
 * facility in the same transaction, declines with recourse, a referral by fault. Every request is a whole
 * decision: snapshot, score, policy with trace, reasons, recourse, the record (facts, trace) in the
 * database.
 *
 * On PostgreSQL the API nodes are processes of their own (`decisions-http-node.ts`, the app as `credence
 * serve` runs it), one and then two on the same database, the connections split between them; each
 * reports its CPU time and database round trips, so CPU and round trips per decision are per process.
 * Figures are given as ratios to the target — decisions/s over 1,000/s, p99 over 25 ms, and CPU per
 * decision over the 2.0 ms a decision may cost on 2 cores at 1,000/s (server, database and load generator
 * together) — because on a shared, loaded machine the CPU per decision says more than the rate.
 *
 * **warm**: the snapshot cache holds the customers' decoded events (each request still reads the
 * customer's events version, blocklist and facility in one statement, then writes); **cold**: the cache
 * is off, so every request also reads the customer's whole event history and decodes it. PGlite runs in the
 * server's process (embedded), measured in process.
 */
interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly errors: number;
  /** Decisions each URL served, in the order given. */
  readonly perUrl: readonly number[];
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

async function load(
  urls: readonly string[],
  secret: string,
  bodies: string[],
  seconds: number,
): Promise<Load> {
  const script = fileURLToPath(new URL('./http-load.mjs', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    [
      script,
      JSON.stringify({
        urls: urls.map((url) => `${url}/v1/decisions`),
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
    perUrl: Array<{ total: number }>;
    cpuMs: number;
  };
  return {
    rps: result.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.total,
    errors: result.non2xx + result.errors + result.timeouts,
    perUrl: result.perUrl.map((entry) => entry.total),
    loaderCpuMs: result.cpuMs,
  };
}

/** The demo's scene on `app`: policies, settings, the scorecard, the nine customers and an `app` key. */
async function seed(app: App, keySeed: number): Promise<{ secret: string; bodies: string[] }> {
  await installDefaultPolicies(app.services.policies);
  await app.services.policies.loadSettings(DEMO_SETTINGS);
  const card = testScorecard();
  await app.services.models.register(card).catch(() => undefined);
  await app.services.models.activate(card.version);
  const seeded = await seedDemoCases(app.services.customers, app.clock.now());
  const secret = generateApiKeySecret('app', seededRandomBytes(keySeed));
  await app.services.apiKeys.create({ name: `bench ${keySeed}`, role: 'app', secret });
  const bodies = seeded.flatMap((entry) =>
    ['cash_loan', 'credit_line'].map((product) => JSON.stringify({ customerId: entry.customerId, product })),
  );
  return { secret, bodies };
}

function benchApp(db: Database, cache: boolean): Promise<App> {
  return createApp({
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
}

/** A run's result: the load and, per API node, CPU and round trips per decision it served. */
interface Run {
  readonly load: Load;
  readonly nodes: ReadonlyArray<{ readonly cpuMs: number; readonly roundTrips: number }>;
  /** The database's CPU per decision (PostgreSQL backends serving the nodes), ms; undefined on PGlite. */
  readonly databaseCpuMs: number | undefined;
  readonly loaderCpuMs: number;
}

const ratio = (value: number, of: number): string => `${(value / of).toFixed(2)}×`;

function describeRun(label: string, result: Run, log: (line: string) => void): void {
  const { load: l } = result;
  log(
    `${label}: ${l.total} decisions in ${SECONDS} s over ${CONNECTIONS} connections, pipelining ${PIPELINING} (${DEMO_CASES.length} customers × 2 products), ${l.errors} errors — ${Math.round(l.rps)}/s = ${ratio(l.rps, TARGET_RPS)} the ${TARGET_RPS}/s target; latency p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms = ${ratio(l.p99, TARGET_P99_MS)} the ${TARGET_P99_MS} ms bound`,
  );
  const perNode = result.nodes
    .map(
      (node, index) =>
        `${result.nodes.length > 1 ? `node ${index + 1} ` : 'server '}${node.cpuMs.toFixed(3)} ms (${ratio(node.cpuMs, CPU_BUDGET_MS)}), ${node.roundTrips.toFixed(2)} round trips`,
    )
    .join('; ');
  const serverTotal = result.nodes.reduce(
    (sum, node, index) => sum + node.cpuMs * ((l.perUrl[index] ?? 0) / Math.max(1, l.total)),
    0,
  );
  const all = serverTotal + (result.databaseCpuMs ?? 0) + result.loaderCpuMs;
  log(
    `     CPU per decision: ${perNode}; ${result.databaseCpuMs === undefined ? 'PGlite runs in the server' : `PostgreSQL backends ${result.databaseCpuMs.toFixed(3)} ms`}; load generator ${result.loaderCpuMs.toFixed(3)} ms — together ${all.toFixed(3)} ms = ${ratio(all, CPU_BUDGET_MS)} the ${CPU_BUDGET_MS.toFixed(1)} ms a decision may cost on ${CORES} cores at ${TARGET_RPS}/s (at most ${Math.round((CORES * 1000) / all)}/s if nothing else ran)`,
  );
}

/** The run's figures as measurements: rate against the target (1 node), p50/p99, CPU and round trips. */
function measurements(store: string, label: string, result: Run, withTarget: boolean): Measurement[] {
  const { load: l } = result;
  const met = l.rps >= TARGET_RPS && l.p99 <= TARGET_P99_MS && l.errors === 0;
  const out: Measurement[] = [
    {
      metric: `decisions/s over HTTP, ${store}, ${label}`,
      unit: 'decisions/s',
      ours: l.rps,
      higherIsBetter: true,
      ...(withTarget ? { target: TARGET, met } : {}),
      note: `${ratio(l.rps, TARGET_RPS)} the ${TARGET_RPS}/s target, p99 ${ratio(l.p99, TARGET_P99_MS)} the ${TARGET_P99_MS} ms bound, ${l.errors} errors`,
    },
    { metric: `p50 latency, ${store}, ${label}`, unit: 'ms', ours: l.p50, higherIsBetter: false },
    {
      metric: `p99 latency, ${store}, ${label}`,
      unit: 'ms',
      ours: l.p99,
      higherIsBetter: false,
      note: `${ratio(l.p99, TARGET_P99_MS)} the ${TARGET_P99_MS} ms bound`,
    },
  ];
  result.nodes.forEach((node, index) => {
    const who = result.nodes.length > 1 ? `API node ${index + 1}` : 'server';
    out.push(
      {
        metric: `CPU per decision, ${who}, ${store}, ${label}`,
        unit: 'ms',
        ours: node.cpuMs,
        higherIsBetter: false,
        note: `${ratio(node.cpuMs, CPU_BUDGET_MS)} the ${CPU_BUDGET_MS.toFixed(1)} ms a decision may cost on ${CORES} cores at ${TARGET_RPS}/s`,
      },
      {
        metric: `database round trips per decision, ${who}, ${store}, ${label}`,
        unit: 'round trips',
        ours: node.roundTrips,
        higherIsBetter: false,
      },
    );
  });
  if (result.databaseCpuMs !== undefined) {
    out.push({
      metric: `CPU per decision, PostgreSQL backends, ${store}, ${label}`,
      unit: 'ms',
      ours: result.databaseCpuMs,
      higherIsBetter: false,
      note: `${ratio(result.databaseCpuMs, CPU_BUDGET_MS)} the ${CPU_BUDGET_MS.toFixed(1)} ms budget`,
    });
  }
  out.push({
    metric: `CPU per decision, load generator, ${store}, ${label}`,
    unit: 'ms',
    ours: result.loaderCpuMs,
    higherIsBetter: false,
  });
  return out;
}

/** PGlite: the app in this process (the embedded database lives inside the server). */
async function measureInProcess(cache: boolean): Promise<Run> {
  const counted = countRoundTrips(await openPglite());
  const app = await benchApp(counted.db, cache);
  try {
    const { secret, bodies } = await seed(app, cache ? 5 : 6);
    const url = await app.start();
    await prime(url, { secret, bodies });
    await load([url], secret, bodies, WARMUP_SECONDS); // JIT, pools, and (when on) the snapshot cache
    const cpuBefore = process.cpuUsage();
    const tripsBefore = counted.roundTrips();
    const result = await load([url], secret, bodies, SECONDS);
    const cpu = process.cpuUsage(cpuBefore);
    const total = Math.max(1, result.total);
    // Let requests autocannon gave up on at the end finish before the database closes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      load: result,
      nodes: [
        {
          cpuMs: (cpu.user + cpu.system) / 1000 / total,
          roundTrips: (counted.roundTrips() - tripsBefore) / total,
        },
      ],
      databaseCpuMs: undefined,
      loaderCpuMs: result.loaderCpuMs / total,
    };
  } finally {
    await app.stop();
  }
}

/**
 * Each request of the scene once, one after another, before the timed load: every customer's events are
 * then in the node's snapshot cache (when on) and its key, policy and scorer caches are filled, so a short
 * run measures a warm node even on a loaded machine. A refusal stops the run (it would measure errors).
 */
async function prime(url: string, scene: { secret: string; bodies: string[] }): Promise<void> {
  for (const body of scene.bodies) {
    const response = await fetch(`${url}/v1/decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scene.secret}`, 'content-type': 'application/json' },
      body,
    });
    if (response.status !== 201)
      throw new Error(`priming ${url}: ${response.status} ${await response.text()}`);
  }
}

/** One API node in its own process; resolves when it listens. */
function startNode(connectionString: string, schema: string, cache: boolean, applicationName: string) {
  const script = fileURLToPath(new URL('./decisions-http-node.ts', import.meta.url));
  const child: ChildProcess = fork(
    script,
    [JSON.stringify({ connectionString, schema, poolSize: POOL_SIZE, cache, applicationName })],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const next = <T extends NodeMessage['type']>(type: T) =>
    new Promise<Extract<NodeMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: NodeMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<NodeMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`API node exited (${code}) before "${type}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    ready: next('ready'),
    async sample(): Promise<NodeSample> {
      const answer = next('sample');
      child.send({ type: 'sample' });
      return answer;
    },
    async stop(): Promise<void> {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

/**
 * PostgreSQL at `connectionString` with `nodeCount` API node processes. The scene is seeded into a fresh
 * schema by this process first (then its app stops), so the nodes only serve.
 */
async function measureNodes(connectionString: string, nodeCount: number, cache: boolean): Promise<Run> {
  const schema = `bench_decisions_${process.pid}_${nodeCount}_${cache ? 'warm' : 'cold'}`;
  const applicationName = `credence-bench-${process.pid}-${nodeCount}`;
  const seeding = await benchApp(await openPostgres({ connectionString, schema }), cache);
  let scene: { secret: string; bodies: string[] };
  try {
    scene = await seed(seeding, cache ? 5 : 6);
  } finally {
    await seeding.stop();
  }
  const admin = await openPostgres({ connectionString });
  const nodes = Array.from({ length: nodeCount }, () =>
    startNode(connectionString, schema, cache, applicationName),
  );
  try {
    const urls = await Promise.all(nodes.map((node) => node.ready.then((ready) => ready.url)));
    for (const url of urls) await prime(url, scene);
    await load(urls, scene.secret, scene.bodies, WARMUP_SECONDS);
    // The database's share: the backends serving these nodes, found by their application name. A pool
    // may open connections during the run: a backend found only afterwards counts all its CPU.
    const backendPids = async () =>
      (
        await admin.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1`, [
          applicationName,
        ])
      ).rows.map((row) => Number(row.pid));
    const backends = await backendPids();
    const before = await Promise.all(nodes.map((node) => node.sample()));
    const backendsBefore = processCpuMs(backends);
    const result = await load(urls, scene.secret, scene.bodies, SECONDS);
    const after = await Promise.all(nodes.map((node) => node.sample()));
    const joined = (await backendPids()).filter((pid) => !backends.includes(pid));
    const databaseCpu = processCpuMs(backends) - backendsBefore + processCpuMs(joined);
    // Let requests autocannon gave up on at the end finish before the nodes stop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const total = Math.max(1, result.total);
    return {
      load: result,
      nodes: nodes.map((_node, index) => {
        const served = Math.max(1, result.perUrl[index] ?? 0);
        const from = before[index];
        const to = after[index];
        return {
          cpuMs: from && to ? (to.cpuMs - from.cpuMs) / served : Number.NaN,
          roundTrips: from && to ? (to.roundTrips - from.roundTrips) / served : Number.NaN,
        };
      }),
      databaseCpuMs: databaseCpu / total,
      loaderCpuMs: result.loaderCpuMs / total,
    };
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    await admin.exec(`drop schema if exists ${schema} cascade`);
    await admin.close();
  }
}

const suite: BenchSuite = {
  name: 'decisions-http',
  description: `POST /v1/decisions on loopback with persistence (autocannon in its own process, ${CONNECTIONS} connections, no pipelining, ${SECONDS} s): PostgreSQL with 1 and 2 API node processes (warm), 1 node cold, 1 node over the Unix socket; PGlite embedded; CPU and round trips per decision per process, as ratios to the target`,
  async run(log) {
    const out: Measurement[] = [];
    const postgresUp = await openPostgres({ connectionString: POSTGRES_URL })
      .then(async (db) => {
        await db.ping();
        await db.close();
        return true;
      })
      .catch((error: unknown) => {
        log(
          `PostgreSQL at ${POSTGRES_URL} unavailable: ${error instanceof Error ? error.message : String(error)}`,
        );
        return false;
      });
    if (postgresUp) {
      for (const nodeCount of [1, 2]) {
        const label = `${nodeCount} node${nodeCount > 1 ? 's' : ''}, warm`;
        const result = await measureNodes(POSTGRES_URL, nodeCount, true);
        describeRun(`PostgreSQL, ${label}`, result, log);
        out.push(...measurements('PostgreSQL', label, result, nodeCount === 1));
      }
      const cold = await measureNodes(POSTGRES_URL, 1, false);
      describeRun('PostgreSQL, 1 node, cold (snapshot cache off)', cold, log);
      out.push(...measurements('PostgreSQL', '1 node, cold', cold, false));
      if (POSTGRES_SOCKET_URL) {
        const socket = await measureNodes(POSTGRES_SOCKET_URL, 1, true);
        describeRun('PostgreSQL over its Unix socket, 1 node, warm', socket, log);
        out.push(...measurements('PostgreSQL (Unix socket)', '1 node, warm', socket, true));
      }
    }
    const pglite = await measureInProcess(true);
    describeRun('PGlite (in memory, in the server process), warm', pglite, log);
    out.push(...measurements('PGlite', 'warm', pglite, false));
    return out;
  },
};

export default suite;
