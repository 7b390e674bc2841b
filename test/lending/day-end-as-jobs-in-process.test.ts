import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import {
  createQueuedDayEndService,
  DAY_END_PARTITION_JOB,
  dayEndRunProgress,
  runDayEndPartition,
  type DayEndJobsDeps,
} from '../../src/lending/eod/day-end-jobs.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createInProcessQueue } from '../../src/platform/jobs/in-process-queue.ts';
import { createJobHandlers } from '../../src/platform/jobs/jobs.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { storesUnderTest } from '../support/stores.ts';
import {
  batchDepsOn,
  batchOn,
  books,
  loansPerPartition,
  loansPerPartitionPerDate,
  seed,
  THROUGH,
} from './day-end-book.ts';

/**
 * The day-end as a run of jobs in one process (PGlite's mode; the same on PostgreSQL): the book of
 * `day-end-killed-midway.test.ts` (80 loans, 40 lines, auto-repay from cards that succeed, refuse or time
 * out, collections) run through 2026-01-24 as 4 partitions by customer hash, on the in-process queue, with
 * the same handler `credence worker` runs. The books must equal the one-process batch's on an identical book:
 * every balance, journal, loan and line state, auto-repay attempt and collection case.
 */
function jobsOn(db: Database, payments: string): DayEndJobsDeps {
  const base = batchDepsOn(db, payments);
  const handlers = createJobHandlers();
  let jobs = 0;
  const queue = createInProcessQueue({
    handlers,
    nextId: () => `job-${(jobs += 1)}`,
    retries: 0,
    onError: (error) => {
      throw error;
    },
  });
  const deps: DayEndJobsDeps = {
    ...base,
    queue,
    ids: createIdGenerator(new ManualClock('2026-02-01' as LocalDate), seededRandomBytes(9)),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    every: () => () => undefined,
    pollMs: 20,
  };
  handlers.register(DAY_END_PARTITION_JOB, (payload, context) => runDayEndPartition(deps, payload, context));
  return deps;
}

describe.each(storesUnderTest())('the day-end as jobs in one process ($name)', (store) => {
  it('4 partitions on the in-process queue book exactly what the one-process batch books', async () => {
    const asJobs = await store.fresh();
    const reference = await store.fresh();
    await seed(asJobs);
    await seed(reference);
    const dir = mkdtempSync(join(tmpdir(), 'credence-eod-jobs-'));

    const deps = jobsOn(asJobs, join(dir, 'jobs-payments.jsonl'));
    const seen: { done: number; total: number }[] = [];
    const report = await createQueuedDayEndService(deps, {
      partitions: 4,
      work: true,
      worker: 'test',
    }).run({
      through: THROUGH as LocalDate,
      chunkSize: 10,
      onProgress: ({ done, total }) => seen.push({ done, total }),
    });
    const oneProcess = await batchOn(reference, join(dir, 'reference-payments.jsonl')).run({
      through: THROUGH as LocalDate,
      chunkSize: 10,
    });

    expect(await books(asJobs)).toBe(await books(reference));
    expect((await verifyLedger(asJobs)).ok).toBe(true);
    // The same dates and counts per product in the run log.
    const counts = (r: typeof report) =>
      r.dates.map((d) => `${d.product} ${d.date} ${d.items}`).sort((a, b) => (a < b ? -1 : 1));
    expect(counts(report)).toEqual(counts(oneProcess));
    expect(report.dates.filter((d) => d.product === 'cash-loan')).toHaveLength(35);
    expect(report.dates.filter((d) => d.product === 'cash-loan').every((d) => d.items === 80)).toBe(true);
    const logged = await asJobs.query<{ status: string; n: bigint }>(
      `select status, count(*) as n from day_end_runs group by status`,
    );
    expect(logged.rows.map((row) => `${row.status} ${row.n}`)).toEqual(['completed 210']);
    // Each partition advanced exactly its own customers' loans on every date (the filter is in the steps'
    // SQL): the run log's slot p holds, for each of the 35 dates, the loans the database's hash puts in p.
    expect(await loansPerPartitionPerDate(asJobs)).toEqual(await loansPerPartition(asJobs));

    // Progress: every partition completed, its counts summing to the run's; the waiter saw it grow.
    const run = report.run;
    expect(run?.partitions).toBe(4);
    const progress = await dayEndRunProgress(asJobs, run?.id ?? '');
    expect(progress?.run.status).toBe('completed');
    expect(progress?.run.completedThrough).toBe(THROUGH);
    expect(progress?.partsCompleted).toBe(4);
    expect(progress?.parts.map((part) => part.dateDone)).toEqual([THROUGH, THROUGH, THROUGH, THROUGH]);
    const advanced = report.dates.reduce((sum, d) => sum + d.items, 0);
    expect(progress?.itemsDone).toBe(advanced);
    expect(progress?.parts.every((part) => part.itemsDone > 0)).toBe(true);
    expect(seen.at(-1)?.done).toBe(advanced);

    // A second run finds nothing behind and changes nothing.
    const snapshot = await books(asJobs);
    const again = await createQueuedDayEndService(deps, { partitions: 4, work: true, worker: 'test' }).run({
      through: THROUGH as LocalDate,
    });
    expect(again.upToDate).toBe(true);
    expect(await books(asJobs)).toBe(snapshot);
  }, 300_000);
});
