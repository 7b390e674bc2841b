import { describe, expect, it } from 'vitest';
import {
  createPgDayEndRunLog,
  dayEndRunItems,
  recentDayEndRuns,
} from '../../src/lending/eod/day-end-runs.pg.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Issue 16, item 4: every chunk of every partition used to add its count to one `day_end_runs` row per
 * (product, date), holding that row's lock until its transaction committed — the workers of a run queued on
 * it. Counts now go to a row per slot (a partition) in `day_end_run_counts` (migration 0906), summed on read;
 * what the CLI and the API show per (product, date) is unchanged.
 */
const runs = createPgDayEndRunLog();
const DATE = '2026-01-20' as LocalDate;
const at = new Date('2026-01-21T01:00:00Z');

async function refusal(work: () => Promise<unknown>): Promise<Error> {
  return work().then(
    () => new Error('not refused'),
    (error: unknown) => error as Error,
  );
}

describe.each(storesUnderTest())('the run log counted per partition ($name)', (store) => {
  it('sums the slots with the run row: 3 + 2 in slot 0, 4 in slot 1, 1 at completion = 10', async () => {
    const db = await store.fresh();
    await runs.markStarted(db, 'cash-loan', DATE, at);
    await db.transaction((tx) => runs.countProcessed(tx, 'cash-loan', DATE, 3, 0));
    await db.transaction((tx) => runs.countProcessed(tx, 'cash-loan', DATE, 4, 1));
    await db.transaction((tx) => runs.countProcessed(tx, 'cash-loan', DATE, 2, 0));
    // A count whose transaction rolls back is not counted (it commits with the work or not at all).
    await db
      .transaction(async (tx) => {
        await runs.countProcessed(tx, 'cash-loan', DATE, 50, 2);
        throw new Error('chunk failed');
      })
      .catch(() => undefined);
    // Running: 3 + 2 (slot 0) + 4 (slot 1) = 9, as the progress views read it.
    expect((await recentDayEndRuns(db)).map((run) => [run.product, run.date, run.status, run.items])).toEqual(
      [['cash-loan', DATE, 'running', 9]],
    );
    const slots = await db.query<{ slot: number; items: bigint }>(
      `select slot, items from day_end_run_counts order by slot`,
    );
    expect(slots.rows.map((row) => [row.slot, Number(row.items)])).toEqual([
      [0, 5],
      [1, 4],
    ]);
    // Completed with 1 item counted by the caller itself: 9 + 1 = 10.
    await runs.markCompleted(db, 'cash-loan', DATE, 1, at);
    expect((await recentDayEndRuns(db)).map((run) => [run.status, run.items])).toEqual([['completed', 10]]);
    expect([...(await dayEndRunItems(db, DATE, DATE))]).toEqual([[`cash-loan ${DATE}`, 10]]);

    // Part of the run log: a count is never erased or decreased.
    expect((await refusal(() => db.query('delete from day_end_run_counts'))).message).toBe(
      "day_end_run_counts is part of the batch's run log: DELETE is refused",
    );
    expect((await refusal(() => db.query('update day_end_run_counts set items = 0'))).message).toBe(
      'day_end_run_counts: the items processed by the run of cash-loan on 2026-01-20 never decrease',
    );
  });

  it.skipIf(store.name === 'pglite')(
    'two partitions count the same (product, date) at once: neither waits for the other',
    async () => {
      const db = await store.fresh({ poolSize: 3 });
      await runs.markStarted(db, 'cash-loan', DATE, at);
      // Partition 0's chunk has counted and not committed; partition 1's chunk counts meanwhile. One row
      // for both (before 0906) made partition 1 wait for partition 0's commit: here, past a 1 s lock timeout.
      await db.transaction(async (partition0) => {
        await runs.countProcessed(partition0, 'cash-loan', DATE, 500, 0);
        await db.transaction(async (partition1) => {
          await partition1.query(`set local lock_timeout = '1s'`);
          await runs.countProcessed(partition1, 'cash-loan', DATE, 480, 1);
        });
      });
      expect((await recentDayEndRuns(db)).map((run) => run.items)).toEqual([980]);
    },
  );
});
