import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../src/lending/eod/day-end.ts';
import { DEFAULT_LOAN_PRODUCT } from '../../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../../src/lending/loans/loan-day-end.ts';
import { createLoanReminderProcessor } from '../../src/lending/loans/loan-reminders.pg.ts';
import { createCollectionsProcessor } from '../../src/lending/eod/collections-processor.pg.ts';
import { createCollectionsDay } from '../../src/collections/collections-day.ts';
import { DEFAULT_COLLECTION_STRATEGY, fixedStrategies } from '../../src/collections/index.ts';
import { createNotifications } from '../../src/platform/notifications/notifications.ts';
import { createSandboxChannel } from '../../src/platform/notifications/index.ts';
import { seedLoanBook } from '../../src/lending/loans/loan-seeding.pg.ts';
import type { Database } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { postgresStore } from '../support/stores.ts';

const url = process.env.DATABASE_URL;
const cli = fileURLToPath(new URL('../../bin/credence.js', import.meta.url));
const THROUGH = '2026-01-24';

/** A book of 80 loans drawn 2025-12-20 (first due dates 2026-01-20: billing, then overdue and penalty). */
async function seed(db: Database): Promise<void> {
  const clock = new ManualClock('2025-12-20' as LocalDate);
  await seedLoanBook(
    db,
    { clock, ids: createIdGenerator(clock, seededRandomBytes(42)) },
    {
      customers: 80,
      startDate: '2025-12-20' as LocalDate,
      limit: 5_000_000n as Money,
      apr: parseRate('0.18'),
      amountOf: (index) => BigInt(100_000 + index * 997) as Money,
      product: DEFAULT_LOAN_PRODUCT,
    },
  );
}

/** The batch as the app lists it for loans: the product's step, its reminders, then collections. */
function batchOn(db: Database) {
  const clock = new ManualClock('2026-02-01' as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(7));
  const { outbox } = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  return createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [
      createLoanDayEndProcessor({ clock, ids }),
      createLoanReminderProcessor({ clock, outbox }),
      createCollectionsProcessor({
        collections: createCollectionsDay({
          clock,
          ids,
          outbox,
          strategies: fixedStrategies([DEFAULT_COLLECTION_STRATEGY]),
        }),
      }),
    ],
    elapsed: () => performance.now(),
  });
}

function runEod(databaseUrl: string, dataDir: string): ReturnType<typeof spawn> {
  return spawn(
    process.execPath,
    [
      cli,
      'eod',
      '--date',
      THROUGH,
      '--chunk-size',
      '10',
      '--concurrency',
      '2',
      '--quiet',
      '--database-url',
      databaseUrl,
    ],
    {
      env: { ...process.env, CREDENCE_ALLOW_LOCAL_KEYS: '1', CREDENCE_DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function exited(
  child: ReturnType<typeof spawn>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** The books as comparable text: every account balance, every journal by its source, every loan's state. */
async function books(db: Database): Promise<string> {
  const accounts = await db.query(
    'select customer_id, contract_id, kind, debit_total, credit_total, balance, posting_count from ledger_accounts order by 1, 2, 3',
  );
  const journals = await db.query(
    `select j.customer_id, j.source_key, j.kind, j.effective_date::text as d,
            string_agg(p.kind || ':' || p.side || ':' || p.amount, ',' order by p.line_no) as lines
       from ledger_journals j join ledger_postings p on p.customer_id = j.customer_id and p.journal_id = j.id
      group by 1, 2, 3, 4 order by 1, 2`,
  );
  const loans = await db.query(
    'select id, status, processed_through::text as t, days_past_due, bucket, state from loans order by id',
  );
  // Collection cases and their history, without ids and instants (the two runs make their own).
  const cases = await db.query(
    `select account_id, opened_on::text as o, status, bucket, days_past_due, amount_past_due, priority,
            observed_through::text as seen, closed_on::text as c, close_reason from collection_cases order by account_id, opened_on`,
  );
  const history = await db.query(
    `select c.account_id, e.seq, e.kind, e.business_date::text as d, e.from_bucket, e.to_bucket, e.days_past_due,
            e.amount_past_due
       from collection_case_events e join collection_cases c on c.customer_id = e.customer_id and c.id = e.case_id
      order by c.account_id, e.seq`,
  );
  return JSON.stringify(
    [accounts.rows, journals.rows, loans.rows, cases.rows, history.rows],
    (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}

describe.skipIf(!url)(
  'day-end killed midway and restarted (postgres, the real CLI in a child process)',
  () => {
    it('ends with the same books as one clean run, each (loan, date) booked once', async () => {
      const store = postgresStore(url as string);
      const crashed = await store.fresh();
      const clean = await store.fresh();
      await seed(crashed);
      await seed(clean);
      const dataDir = mkdtempSync(join(tmpdir(), 'credence-eod-'));
      const schemaUrl = (schema: string) =>
        `${url}${(url as string).includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

      // Start the batch and kill it (SIGKILL: no cleanup) once some dates are done and others are not.
      const child = runEod(schemaUrl(crashed.schema), dataDir);
      const done = exited(child);
      let progressed = false;
      for (let attempt = 0; attempt < 600 && !progressed; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const runs = await crashed.query<{ n: bigint }>(
          `select count(*) as n from day_end_runs where status = 'completed'`,
        );
        progressed = (runs.rows[0]?.n ?? 0n) >= 2n;
      }
      expect(progressed).toBe(true);
      child.kill('SIGKILL');
      const killed = await done;
      expect(killed.signal).toBe('SIGKILL');
      const partial = await crashed.query<{ behind: bigint }>(
        `select count(*) as behind from loans where status = 'active' and processed_through < $1`,
        [THROUGH],
      );
      expect(partial.rows[0]?.behind).toBeGreaterThan(0n);

      // Restart: it catches up what is left.
      const restarted = await exited(runEod(schemaUrl(crashed.schema), dataDir));
      expect(restarted.stderr).toBe('');
      expect(restarted.code).toBe(0);
      // A second run finds nothing behind and changes nothing.
      const snapshot = await books(crashed);
      const again = await batchOn(crashed).run({ through: THROUGH as LocalDate });
      expect(again.upToDate).toBe(true);
      expect(await books(crashed)).toBe(snapshot);

      // One clean run on an identical book (in process: the same batch code the CLI runs).
      const cleanRun = await batchOn(clean).run({
        through: THROUGH as LocalDate,
        chunkSize: 10,
        concurrency: 2,
      });
      expect(cleanRun.dates.filter((d) => d.product === 'cash-loan')).toHaveLength(35);
      expect(await books(crashed)).toBe(await books(clean));
      // Collections ran in both: every loan is 4 days past due on 24 Jan (first due 20 Jan), one case each.
      const cases = await crashed.query<{ n: bigint }>(
        `select count(*) as n from collection_cases where status = 'open' and bucket = 'M1' and days_past_due = 4`,
      );
      expect(cases.rows[0]?.n).toBe(80n);
      const verification = await verifyLedger(crashed);
      expect(verification.ok).toBe(true);
      // Exactly once per (loan, date): 80 drawdowns + one day-end journal per loan per day with interest.
      const perDay = await crashed.query<{ n: bigint; distinct_days: bigint }>(
        `select count(*) as n, count(distinct (customer_id, source_key)) as distinct_days from ledger_journals where kind = 'day-end'`,
      );
      expect(perDay.rows[0]?.n).toBe(perDay.rows[0]?.distinct_days);
      expect(perDay.rows[0]?.n).toBe(80n * 35n);
      // The run log counts what was done across the killed run and the restart: 80 loans on every date
      // (it used to count only the restart's share of the date the kill interrupted).
      const logged = await crashed.query<{ status: string; items_processed: number }>(
        `select status, items_processed from day_end_runs where product = 'cash-loan' order by business_date`,
      );
      expect(logged.rows).toHaveLength(35);
      expect(logged.rows.every((row) => row.status === 'completed' && row.items_processed === 80)).toBe(true);
      // Two CLI processes, two books of 35 dates with reminders and collections: about a minute alone on
      // the shared 2-core machine, more under load.
    }, 240_000);
  },
);
