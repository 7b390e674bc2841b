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
import { createCreditLineDayEndProcessor } from '../../src/lending/credit-lines/credit-line-day-end.ts';
import { seedCreditLines } from '../../src/lending/credit-lines/credit-line-seeding.pg.ts';
import { createCreditLineService } from '../../src/lending/credit-lines/credit-line-service.ts';
import { createLineReminderProcessor } from '../../src/lending/credit-lines/line-reminders.pg.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../../src/lending/credit-lines/line-terms.ts';
import { createLoanService } from '../../src/lending/loans/loan-service.ts';
import { createAutoRepayProcessor } from '../../src/lending/payments/auto-repay-processor.ts';
import { DEFAULT_AUTO_REPAY_SCHEDULES } from '../../src/lending/payments/auto-repay.ts';
import { lineAutoRepayAccounts } from '../../src/lending/payments/line-auto-repay.ts';
import { loanAutoRepayAccounts } from '../../src/lending/payments/loan-auto-repay.ts';
import { fileSandboxBook } from '../../src/lending/payments/sandbox-payment-book.node.ts';
import { createSandboxPaymentProvider } from '../../src/lending/payments/sandbox-payment-provider.ts';
import { testTermsInForce } from './terms-in-force.ts';
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

/**
 * A book of 80 loans drawn 2025-12-20 (first due dates 2026-01-20: billing, then overdue and penalty) and 40
 * credit lines opened that day with purchases (statement 1 Jan, due 10 Jan). Auto-repay is on for every
 * second loan and line (lines: the full balance, or the minimum for every fourth), from cards that succeed
 * (…1234), refuse for insufficient funds (…0051: tried again on +1 and +3) or time out with the money moved
 * (…0068: settled by the provider's status the next night).
 */
async function seed(db: Database): Promise<void> {
  const clock = new ManualClock('2025-12-20' as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(42));
  const lines = await seedCreditLines(
    db,
    { clock, ids },
    {
      customers: 40,
      openedOn: '2025-12-20' as LocalDate,
      through: '2025-12-20' as LocalDate,
      limit: 2_000_000n as Money,
      apr: parseRate('0.1825'),
      purchasesOf: (index) => [BigInt(50_000 + index * 1_013) as Money],
      convertEvery: 0,
      product: DEFAULT_CREDIT_LINE_PRODUCT,
    },
  );
  await seedLoanBook(
    db,
    { clock, ids },
    {
      customers: 80,
      startDate: '2025-12-20' as LocalDate,
      limit: 5_000_000n as Money,
      apr: parseRate('0.18'),
      amountOf: (index) => BigInt(100_000 + index * 997) as Money,
      product: DEFAULT_LOAN_PRODUCT,
    },
  );
  const seeded = await db.query<{ customer_id: string; id: string }>(
    'select customer_id, id from loans order by id',
  );
  const accounts = [
    ...seeded.rows.map((row) => ({
      customerId: row.customer_id,
      accountId: row.id,
      product: 'cash_loan',
    })),
    ...lines.lineIds.map((lineId, index) => ({
      customerId: lines.customerIds[index] as string,
      accountId: lineId,
      product: 'credit_line',
    })),
  ];
  const at = new Date('2025-12-20T00:00:00Z');
  const last4s = ['1234', '0051', '0068'];
  for (const [index, account] of accounts.entries()) {
    if (index % 2 === 1) continue;
    const cardId = ids.next('card');
    await db.query(
      `insert into customers (customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id,
         id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at)
       values ($1, $1, '\\x00', 'k1', '\\x00', 'k1', repeat('a', 64), '\\x00', 'k1', repeat('b', 64),
         '1990-01-01', 'female', '110105', $2) on conflict do nothing`,
      [account.customerId, at],
    );
    await db.query(
      `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, added_at)
       values ($1, $2, '\\x00', 'k1', repeat('c', 64), $3, $4)`,
      [account.customerId, cardId, last4s[(index / 2) % 3], at],
    );
    await db.query(
      `insert into auto_repay_mandates (customer_id, account_id, product, card_id, enabled, notice_version,
         processed_through, created_at, updated_at, amount_rule)
       values ($1, $2, $3, $4, true, 1, '2025-12-20', $5, $5, $6)`,
      [
        account.customerId,
        account.accountId,
        account.product,
        cardId,
        at,
        account.product === 'credit_line' ? (index % 4 === 0 ? 'full' : 'minimum') : null,
      ],
    );
  }
}

/**
 * The batch as the app lists it: the products' steps, their reminders, auto-repay (through a sandbox
 * provider whose book is the file `payments`), then collections.
 */
function batchOn(db: Database, payments: string) {
  const clock = new ManualClock('2026-02-01' as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(7));
  const { outbox } = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const services = { db, clock, ids, termsInForce: testTermsInForce, outbox };
  const loans = createLoanService({ ...services, product: DEFAULT_LOAN_PRODUCT });
  const lines = createCreditLineService({ ...services, product: DEFAULT_CREDIT_LINE_PRODUCT });
  return createDayEndService({
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [
      createLoanDayEndProcessor({ clock, ids }),
      createCreditLineDayEndProcessor({ clock, ids }),
      createLoanReminderProcessor({ clock, outbox }),
      createLineReminderProcessor({ clock, outbox }),
      createAutoRepayProcessor({
        db,
        clock,
        ids,
        provider: createSandboxPaymentProvider(fileSandboxBook(payments)),
        accounts: [loanAutoRepayAccounts(loans), lineAutoRepayAccounts(lines)],
        schedules: DEFAULT_AUTO_REPAY_SCHEDULES,
        outbox,
      }),
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

function runEod(databaseUrl: string, dataDir: string, payments: string): ReturnType<typeof spawn> {
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
      env: {
        ...process.env,
        CREDENCE_ALLOW_LOCAL_KEYS: '1',
        CREDENCE_DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        // The sandbox provider's book in a file: it survives the kill as a real provider's would.
        CREDENCE_SANDBOX_PAYMENTS_FILE: payments,
        // The day-end runs as jobs: the restart takes over the killed run's partition after 1.5 s of silence
        // (default 30 s).
        CREDENCE_JOB_HEARTBEAT_MS: '200',
        CREDENCE_JOB_STALE_MS: '1500',
      },
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
  const lines = await db.query(
    'select id, processed_through::text as t, days_past_due, bucket, state from credit_lines order by id',
  );
  // Auto-repay attempts without their ids and instants (each run makes its own payment ids).
  const attempts = await db.query(
    `select account_id, business_date::text as d, due_date::text as due, try_number, amount, status,
            failure_reason, booked_seq from payment_attempts order by account_id, business_date`,
  );
  const mandates = await db.query(
    'select account_id, enabled, processed_through::text as t from auto_repay_mandates order by account_id',
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
    [
      accounts.rows,
      journals.rows,
      loans.rows,
      lines.rows,
      attempts.rows,
      mandates.rows,
      cases.rows,
      history.rows,
    ],
    (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}

describe.skipIf(!url)(
  'day-end killed midway and restarted (postgres, the real CLI in a child process)',
  () => {
    it('ends with the same books and provider movements as one clean run, each (account, date) booked once, nothing collected twice', async () => {
      const store = postgresStore(url as string);
      const crashed = await store.fresh();
      const clean = await store.fresh();
      await seed(crashed);
      await seed(clean);
      const dataDir = mkdtempSync(join(tmpdir(), 'credence-eod-'));
      const crashedPayments = join(dataDir, 'crashed-payments.jsonl');
      const cleanPayments = join(dataDir, 'clean-payments.jsonl');
      const schemaUrl = (schema: string) =>
        `${url}${(url as string).includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

      // Start the batch and kill it (SIGKILL: no cleanup) once some dates are done and others are not.
      const child = runEod(schemaUrl(crashed.schema), dataDir, crashedPayments);
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
      const restarted = await exited(runEod(schemaUrl(crashed.schema), dataDir, crashedPayments));
      expect(restarted.stderr).toBe('');
      expect(restarted.code).toBe(0);
      // A second run finds nothing behind and changes nothing.
      const snapshot = await books(crashed);
      const again = await batchOn(crashed, crashedPayments).run({ through: THROUGH as LocalDate });
      expect(again.upToDate).toBe(true);
      expect(await books(crashed)).toBe(snapshot);

      // One clean run on an identical book (in process: the same batch code the CLI runs).
      const cleanRun = await batchOn(clean, cleanPayments).run({
        through: THROUGH as LocalDate,
        chunkSize: 10,
        concurrency: 2,
      });
      expect(cleanRun.dates.filter((d) => d.product === 'cash-loan')).toHaveLength(35);
      expect(await books(crashed)).toBe(await books(clean));
      // Collections ran in both: every loan not collected by auto-repay is 4 days past due on 24 Jan (first
      // due 20 Jan), one case each. Auto-repay is on for 40 of the 80 loans, from cards …1234 (14 loans:
      // collected on the due date), …0051 (13: refused on 20, 21 and 23 Jan) and …0068 (13: timed out,
      // collected once the next night's status lookup found the money moved): 80 − 27 = 53 cases.
      const cases = await crashed.query<{ n: bigint }>(
        `select count(*) as n from collection_cases where status = 'open' and bucket = 'M1' and days_past_due = 4`,
      );
      expect(cases.rows[0]?.n).toBe(53n);
      // The provider was asked for the same money in both: every collection moved once, none twice (the
      // killed run's payments sent before the kill were found by their id, not sent again).
      const moved = (path: string) =>
        fileSandboxBook(path)
          .load()
          .map((e) => `${e.customerId} ${e.direction} ${e.amount} ${e.status.status}`)
          .sort();
      const movedCrashed = moved(crashedPayments);
      expect(movedCrashed).toEqual(moved(cleanPayments));
      expect(
        new Set(
          fileSandboxBook(crashedPayments)
            .load()
            .map((e) => e.paymentId),
        ).size,
      ).toBe(movedCrashed.length);
      const outcomes = await crashed.query<{ status: string; n: bigint }>(
        `select status || coalesce(':' || failure_reason, '') as status, count(*) as n from payment_attempts
          group by 1 order by 1`,
      );
      // 60 mandates (40 loans, 20 lines): the 20 on …0051 refused on each of their 3 try days; the other 40
      // collected once (27 loans, 13 lines; a line on the minimum rule pays its minimum and is not tried again).
      expect(outcomes.rows.map((row) => `${row.status} ${row.n}`)).toEqual([
        'failed:insufficient_funds 60',
        'succeeded 40',
      ]);
      const verification = await verifyLedger(crashed);
      expect(verification.ok).toBe(true);
      // Exactly once per (account, date): one day-end journal per loan per day with interest (and the
      // lines' own, counted apart).
      const perDay = await crashed.query<{ n: bigint; distinct_days: bigint; loans: bigint }>(
        `select count(*) as n, count(distinct (customer_id, source_key)) as distinct_days,
                count(*) filter (where source_key like 'day-end:ln_%') as loans
           from ledger_journals where kind = 'day-end'`,
      );
      expect(perDay.rows[0]?.n).toBe(perDay.rows[0]?.distinct_days);
      expect(perDay.rows[0]?.loans).toBe(80n * 35n);
      // The run log counts what was done across the killed run and the restart: 80 loans on every date
      // (it used to count only the restart's share of the date the kill interrupted).
      const logged = await crashed.query<{ status: string; items_processed: number }>(
        `select status, items_processed from day_end_runs where product = 'cash-loan' order by business_date`,
      );
      expect(logged.rows).toHaveLength(35);
      expect(logged.rows.every((row) => row.status === 'completed' && row.items_processed === 80)).toBe(true);
      // Two CLI processes, two books of 35 dates with reminders and collections: about a minute alone on
      // the shared 2-core machine, more under load.
    }, 480_000);
  },
);
