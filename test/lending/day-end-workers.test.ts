import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { dayEndRunItems } from '../../src/lending/eod/day-end-runs.pg.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { CREDENCE_BIN } from '../support/cli.ts';
import { postgresStore } from '../support/stores.ts';
import {
  batchOn,
  books,
  loansPerPartition,
  loansPerPartitionPerDate,
  seed,
  THROUGH,
} from './day-end-book.ts';

/**
 * The day-end shared by two real `credence worker` processes on PostgreSQL (issue 16, item 4), one of them
 * killed with SIGKILL in the middle of a partition. The book of `day-end-killed-midway.test.ts` (80 loans, 40
 * lines, auto-repay from cards that succeed, refuse or time out with the money moved, collections) is run
 * through 2026-01-24 by `credence eod --no-work --partitions 4` (it only queues the run and waits) and two
 * workers; the first worker is killed once it holds a partition with work done. The other takes the silent
 * partition over (heartbeat 200 ms, stale after 1.5 s here) and the run completes. The books must equal the
 * one-process batch's on an identical book: balances, journals, loan and line states, auto-repay attempts
 * and the provider's movements, collection cases; each (account, date) booked once.
 */
const url = process.env.DATABASE_URL;

function credence(
  args: readonly string[],
  env: Record<string, string>,
): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [CREDENCE_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!url)('the day-end shared by two credence worker processes (postgres)', () => {
  it('books what one process books, with a worker killed mid-partition, each (account, date) once', async () => {
    const store = postgresStore(url as string);
    const shared = await store.fresh();
    const reference = await store.fresh();
    await seed(shared);
    await seed(reference);
    const dir = mkdtempSync(join(tmpdir(), 'credence-workers-'));
    const schemaUrl = `${url}${(url as string).includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${shared.schema}`)}`;
    const env = {
      DATABASE_URL: schemaUrl,
      CREDENCE_ALLOW_LOCAL_KEYS: '1',
      CREDENCE_DATA_DIR: dir,
      LOG_LEVEL: 'error',
      // One provider book for every process, in a file, as a real provider's is one for every caller.
      CREDENCE_SANDBOX_PAYMENTS_FILE: join(dir, 'payments.jsonl'),
      CREDENCE_JOB_HEARTBEAT_MS: '200',
      CREDENCE_JOB_STALE_MS: '1500',
    };

    const first = credence(['worker', '--name', 'worker-a'], env);
    const second = credence(['worker', '--name', 'worker-b'], env);
    const eod = credence(
      ['eod', '--date', THROUGH, '--partitions', '4', '--chunk-size', '10', '--no-work', '--quiet'],
      env,
    );
    // Kill worker-a (SIGKILL: no clean-up) once it holds a partition it has done work in.
    let holding = false;
    for (let attempt = 0; attempt < 2400 && !holding; attempt += 1) {
      await sleep(50);
      const parts = await shared
        .query<{ n: bigint }>(
          `select count(*) as n from day_end_job_parts where worker = 'worker-a' and status = 'running' and items_done > 0`,
        )
        .catch(() => ({ rows: [{ n: 0n }] }));
      holding = (parts.rows[0]?.n ?? 0n) > 0n;
    }
    expect(holding).toBe(true);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const finished = await eod.exited;
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/run eod_\w+: 4 partitions in [\d.]+ s/);

    // Progress over the CLI: every partition completed, with its counts.
    const status = await credence(['eod', 'status'], env).exited;
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /completed, 4\/4 partitions done, \d+ items advanced, every partition through 2026-01-24/,
    );
    for (const part of [0, 1, 2, 3])
      expect(status.stdout).toMatch(new RegExp(`partition ${part}: completed`));
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    // Both workers took part, and a partition of the killed one was taken over (a second attempt).
    const parts = await shared.query<{ worker: string; attempts: number; items_done: bigint }>(
      'select worker, attempts, items_done from day_end_job_parts order by part',
    );
    expect(parts.rows.some((row) => row.attempts > 1)).toBe(true);
    expect(new Set(parts.rows.map((row) => row.worker)).has('worker-b')).toBe(true);

    // The one-process batch on an identical book, with its own provider book.
    await batchOn(reference, join(dir, 'reference-payments.jsonl')).run({
      through: THROUGH as LocalDate,
      chunkSize: 10,
    });
    expect(await books(shared)).toBe(await books(reference));
    expect((await verifyLedger(shared)).ok).toBe(true);
    // Exactly once per (account, date): one day-end journal per loan per day, 80 loans × 35 days.
    const perDay = await shared.query<{ n: bigint; distinct_days: bigint; loans: bigint }>(
      `select count(*) as n, count(distinct (customer_id, source_key)) as distinct_days,
              count(*) filter (where source_key like 'day-end:ln_%') as loans
         from ledger_journals where kind = 'day-end'`,
    );
    expect(perDay.rows[0]?.n).toBe(perDay.rows[0]?.distinct_days);
    expect(perDay.rows[0]?.loans).toBe(80n * 35n);
    const logged = await shared.query<{ status: string }>(
      `select status from day_end_runs where product = 'cash-loan' order by business_date`,
    );
    expect(logged.rows).toHaveLength(35);
    expect(logged.rows.every((row) => row.status === 'completed')).toBe(true);
    const items = await dayEndRunItems(shared, '2025-12-21' as LocalDate, THROUGH as LocalDate, 'cash-loan');
    expect(items.size).toBe(35);
    expect([...items.values()].every((count) => count === 80)).toBe(true);
    // Each partition advanced exactly its own customers' loans on every date, whichever worker ran it:
    // the run log's slot p holds, for each of the 35 dates, the loans the database's hash puts in p.
    expect(await loansPerPartitionPerDate(shared)).toEqual(await loansPerPartition(shared));
  }, 900_000);
});
