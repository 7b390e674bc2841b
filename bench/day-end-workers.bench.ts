import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import type { App } from '../src/services.ts';
import { seedCreditLines } from '../src/lending/credit-lines/credit-line-seeding.pg.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../src/lending/credit-lines/line-terms.ts';
import { DEFAULT_LOAN_PRODUCT } from '../src/lending/loans/loan-contract.ts';
import { seedLoanBook } from '../src/lending/loans/loan-seeding.pg.ts';
import { loanStore, saveLoanStates } from '../src/lending/loans/loans.pg.ts';
import { advance } from '../src/lending/loans/servicing.ts';
import { testPiiConfig } from '../src/platform/config/config.ts';
import type { Database } from '../src/platform/database/database.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import type { Money } from '../src/platform/money/money.ts';
import { parseRate } from '../src/platform/money/rate.ts';
import { createSandboxChannel } from '../src/platform/notifications/index.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import { addDays, type LocalDate } from '../src/platform/time/local-date.ts';
import { systemClock } from '../src/platform/time/system-clock.node.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { pgBooks } from '../test/support/books.ts';

/**
 * The day-end as jobs (issue 16, item 4) taken by 1 and by 2 real `credence worker` processes, in one run:
 * day-end accounts a second each way and their ratio. Each point is its own schema with the same book —
 * `SIZE` loans (a tenth past due: penalty, buckets, collection cases) and `SIZE` credit lines — brought to the
 * eve of the night in memory (as `day-end.bench.ts` does), caught up by the one-process batch (not timed).
 * Then `credence worker --concurrency 1` processes are started and, once each says it is taking jobs, this
 * process makes the night's run of `PARTITIONS` partitions without working on it (`--no-work`) and waits,
 * printing progress. Timed: from the run's start to its last partition done (the steps after the batch —
 * limit reviews, appeals, delivery — run once in this process afterwards and are reported apart).
 *
 * The night is yesterday by the system clock: the workers' clock is the system's, and a run may not be
 * dated after today. No auto-repay here (it needs the provider's book shared by the processes); the
 * day-end bench measures that step.
 */
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZE = Number(process.env.BENCH_EOD_WORKERS_SIZE ?? '5000');
const PARTITIONS = Number(process.env.BENCH_EOD_WORKERS_PARTITIONS ?? '4');
const CHUNK = 500;
const NIGHT = addDays(systemClock.today(), -1);
const EVE = addDays(NIGHT, -1);
const BIN = fileURLToPath(new URL('../bin/credence.js', import.meta.url));

const schemaOf = (workers: number) => `bench_eod_workers_${workers}`;
const urlOf = (schema: string) =>
  `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function dropSchema(schema: string): Promise<void> {
  const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
  await admin.exec(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`);
  await admin.close();
}

async function appOn(db: Database, schema: string): Promise<App> {
  return createApp({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent',
      // With a URL the day-end runs as jobs on pg-boss (its queue in `<schema>_jobs`, as the workers'):
      databaseUrl: urlOf(schema),
      logLevel: 'warn',
      bodyLimit: 1_048_576,
      pii: testPiiConfig(),
    },
    db,
    clock: systemClock,
    ids: createIdGenerator(systemClock, seededRandomBytes(3)),
    logger: createLogger({ level: 'error' }),
    messageChannel: createSandboxChannel(),
    messageDeliveryIntervalMs: 0,
  });
}

/** `SIZE` loans (a tenth drawn two months ago, never repaid) and `SIZE` lines, brought to the eve. */
async function seedBook(db: Database, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const clock = new ManualClock(addDays(NIGHT, -60));
  const ids = createIdGenerator(clock, seededRandomBytes(SIZE + 11));
  const apr = parseRate('0.1825');
  const late = Math.round(SIZE / 10);
  const loans = (customers: number, startDate: LocalDate) =>
    seedLoanBook(
      db,
      { ...pgBooks(), clock, ids },
      {
        customers,
        startDate,
        limit: 5_000_000n as Money,
        apr,
        amountOf: (index) => BigInt(100_000 + (index % 400) * 1_000) as Money,
        product: DEFAULT_LOAN_PRODUCT,
        batchSize: 2000,
      },
    );
  await loans(late, addDays(NIGHT, -58));
  await loans(SIZE - late, addDays(NIGHT, -27));
  for (let afterId = ''; ;) {
    const page = await loanStore.listOpen(db, afterId, 2000);
    if (page.length === 0) break;
    afterId = page[page.length - 1]?.id ?? afterId;
    const advanced = (await loanStore.load(db, page)).map((loan) => ({
      contract: loan.contract,
      state: advance(loan.contract, loan.state, EVE).state,
    }));
    await db.transaction((tx) => saveLoanStates(tx, advanced, clock.now()));
  }
  await seedCreditLines(
    db,
    { ...pgBooks(), clock, ids },
    {
      customers: SIZE,
      openedOn: addDays(NIGHT, -27),
      through: EVE,
      limit: 2_000_000n as Money,
      apr,
      purchasesOf: (index) => [BigInt(20_000 + (index % 50) * 1_000) as Money, 35_000n as Money],
      convertEvery: 10,
      product: DEFAULT_CREDIT_LINE_PRODUCT,
      batchSize: 2000,
    },
  );
  await db.exec('analyze');
  log(
    `  ${SIZE.toLocaleString('en')} loans + ${SIZE.toLocaleString('en')} lines seeded to ${EVE} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

interface Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
}

/** A real `credence worker` on the schema; ready once it says it is taking jobs. */
function startWorker(schema: string, name: string, dataDir: string): Worker {
  const child = spawn(process.execPath, [BIN, 'worker', '--name', name, '--concurrency', '1'], {
    env: {
      ...process.env,
      DATABASE_URL: urlOf(schema),
      CREDENCE_ALLOW_LOCAL_KEYS: '1',
      CREDENCE_DATA_DIR: dataDir,
      CREDENCE_FROM_SOURCE: '1',
      CREDENCE_MESSAGE_DELIVERY_MS: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('is taking jobs')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}) before taking jobs: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

interface Night {
  readonly workers: number;
  readonly seconds: number;
  readonly afterBatchSeconds: number;
  readonly accounts: number;
  readonly items: number;
}

async function measure(workers: number, log: (line: string) => void): Promise<Night> {
  const schema = schemaOf(workers);
  await dropSchema(schema);
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema, max: 6 });
  const app = await appOn(db, schema);
  const dataDir = mkdtempSync(join(tmpdir(), 'credence-bench-workers-'));
  const started: Worker[] = [];
  try {
    await seedBook(db, log);
    const catchUp = performance.now();
    await app.services.dayEnd.run({ through: EVE, chunkSize: 1000, concurrency: 4 });
    log(`  caught up to ${EVE} in ${((performance.now() - catchUp) / 1000).toFixed(1)} s (not measured)`);
    for (let index = 1; index <= workers; index += 1)
      started.push(startWorker(schema, `bench-worker-${index}`, dataDir));
    await Promise.all(started.map((worker) => worker.ready));
    log(
      `  ${workers} worker${workers === 1 ? '' : 's'} taking jobs; night ${NIGHT} as ${PARTITIONS} partitions`,
    );
    let lastLine = 0;
    const began = performance.now();
    const report = await app.services.dayEndRuns
      .service({ partitions: PARTITIONS, work: false, worker: 'bench-eod' })
      .run({
        through: NIGHT,
        chunkSize: CHUNK,
        onProgress: ({ product, done, total }) => {
          const now = performance.now();
          if (now - lastLine < 2000) return;
          lastLine = now;
          log(
            `    ${((now - began) / 1000).toFixed(0)} s: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} items, ${product}`,
          );
        },
      });
    const wall = (performance.now() - began) / 1000;
    const seconds = (report.run?.milliseconds ?? Number.NaN) / 1000;
    const items = report.dates.reduce((sum, entry) => sum + entry.items, 0);
    const accounts = report.dates
      .filter((entry) => entry.product === 'cash-loan' || entry.product === 'credit-line')
      .reduce((sum, entry) => sum + entry.items, 0);
    log(
      `  ${workers} worker${workers === 1 ? '' : 's'}: ${accounts.toLocaleString('en')} accounts (${items.toLocaleString('en')} items over every step) in ${seconds.toFixed(1)} s = ${(accounts / seconds).toFixed(0)} accounts/s; steps after the batch ${(wall - seconds).toFixed(1)} s`,
    );
    return { workers, seconds, afterBatchSeconds: wall - seconds, accounts, items };
  } finally {
    for (const worker of started) worker.child.kill('SIGTERM');
    await Promise.all(started.map((worker) => worker.exited));
    await app.stop();
    await dropSchema(schema).catch(() => undefined);
  }
}

const suite: BenchSuite = {
  name: 'day-end-workers',
  description: `one night's day-end as ${PARTITIONS} partitions taken by 1 and by 2 credence worker processes on PostgreSQL, ${SIZE.toLocaleString('en')} loans + ${SIZE.toLocaleString('en')} lines`,
  async run(log) {
    const one = await measure(1, log);
    const two = await measure(2, log);
    const rate = (night: Night) => night.accounts / night.seconds;
    const ratio = rate(two) / rate(one);
    log(`  2 workers / 1 worker: ×${ratio.toFixed(2)}`);
    const measurements: Measurement[] = [
      {
        metric: `day-end accounts a second, 2 workers vs 1 (${one.accounts.toLocaleString('en')} accounts, ${PARTITIONS} partitions)`,
        unit: 'accounts/s',
        ours: rate(two),
        peer: rate(one),
        peerName: '1 worker',
        higherIsBetter: true,
        note: `×${ratio.toFixed(2)}; 1 worker ${one.seconds.toFixed(1)} s, 2 workers ${two.seconds.toFixed(1)} s for ${one.items.toLocaleString('en')} items over every step (products, reminders, collections); steps after the batch ${one.afterBatchSeconds.toFixed(1)} / ${two.afterBatchSeconds.toFixed(1)} s, not counted`,
      },
      {
        metric: 'day-end accounts a second, 1 worker',
        unit: 'accounts/s',
        ours: rate(one),
        higherIsBetter: true,
      },
    ];
    return measurements;
  },
};

export default suite;
