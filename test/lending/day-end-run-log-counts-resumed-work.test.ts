import { describe, expect, it } from 'vitest';
import { createPgDayEndRunLog, recentDayEndRuns } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService, type DayEndProcessor } from '../../src/lending/eod/day-end.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { seedLoanBook } from '../../src/lending/loans/loan-seeding.pg.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { crashingIn } from './crashing-processor.ts';
import { pgBooks } from '../support/books.ts';

/**
 * Issue 15, item 8. A day-end killed midway through a date and run again must log, for that date, every
 * item advanced — by the killed run and by the resumed one — not only the resumed run's share (the log
 * used to count at the end of the date, so the work of the killed run's committed chunks was lost to it).
 */
const LOANS = 30;

function batch(db: Database, clock: ManualClock, processor?: (p: DayEndProcessor) => DayEndProcessor) {
  const loans = createLoanDayEndProcessor({
    ...pgBooks(),
    clock,
    ids: createIdGenerator(clock, seededRandomBytes(7)),
  });
  return createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [processor ? processor(loans) : loans],
    elapsed: () => 0,
  });
}

describe.each(storesUnderTest())('day-end run log after a crash and a rerun ($name)', (store) => {
  it('counts every loan of the interrupted date once: 30 of 30, not the 22 the rerun did', async () => {
    const db = await store.fresh();
    const seedClock = new ManualClock('2025-12-20' as LocalDate);
    await seedLoanBook(
      db,
      { ...pgBooks(), clock: seedClock, ids: createIdGenerator(seedClock, seededRandomBytes(42)) },
      {
        customers: LOANS,
        startDate: '2025-12-20' as LocalDate,
        limit: 5_000_000n as Money,
        apr: parseRate('0.18'),
        amountOf: (index) => BigInt(100_000 + index * 997) as Money,
        product: DEFAULT_LOAN_PRODUCT,
      },
    );
    const clock = new ManualClock('2026-01-01' as LocalDate);
    // The loans were drawn on 20 Dec, so the first date is 21 Dec. 30 loans in chunks of 4: 8 chunks a date.
    // Dying in chunk 19 is the 3rd chunk of 23 Dec: 21 and 22 Dec completed, 23 Dec has 2 chunks (8 loans)
    // committed.
    await expect(
      batch(db, clock, (p) => crashingIn(p, 19, 'killed')).run({
        through: '2025-12-25' as LocalDate,
        chunkSize: 4,
      }),
    ).rejects.toThrow('killed');
    const rerun = await batch(db, clock).run({ through: '2025-12-25' as LocalDate, chunkSize: 4 });
    expect(rerun.dates.map((d) => [d.date, d.items])).toEqual([
      ['2025-12-23', 22],
      ['2025-12-24', 30],
      ['2025-12-25', 30],
    ]);

    const log = (await recentDayEndRuns(db)).map((run) => [run.date, run.status, run.items]).reverse();
    expect(log).toEqual([
      ['2025-12-21', 'completed', 30],
      ['2025-12-22', 'completed', 30],
      ['2025-12-23', 'completed', 30],
      ['2025-12-24', 'completed', 30],
      ['2025-12-25', 'completed', 30],
    ]);
    // What the books say each date advanced is what the log says: one day-end journal per loan and date.
    const journals = await db.query<{ d: string; n: bigint }>(
      `select effective_date::text as d, count(*) as n from ledger_journals where kind = 'day-end'
        group by 1 order by 1`,
    );
    expect(journals.rows.map((row) => [row.d, Number(row.n)])).toEqual(log.map(([date]) => [date, 30]));
  });
});
