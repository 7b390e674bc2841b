/**
 * The day-end book of `day-end-killed-midway.test.ts`, shared with the day-end-as-jobs suites: the seed (80
 * loans, 40 credit lines, auto-repay on half of them from cards that succeed, refuse or time out), the batch
 * as the app lists it (one process), and the books as comparable text.
 */
import { createPgDayEndRunLog } from '../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService, type DayEndDeps } from '../../src/lending/eod/day-end.ts';
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
import { customerPartitionsOf } from '../../src/platform/database/customer-partition.ts';
import type { Database, Queryable } from '../../src/platform/database/database.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { pgBooks } from '../support/books.ts';

export const THROUGH = '2026-01-24';

/**
 * A book of 80 loans drawn 2025-12-20 (first due dates 2026-01-20: billing, then overdue and penalty) and 40
 * credit lines opened that day with purchases (statement 1 Jan, due 10 Jan). Auto-repay is on for every
 * second loan and line (lines: the full balance, or the minimum for every fourth), from cards that succeed
 * (…1234), refuse for insufficient funds (…0051: tried again on +1 and +3) or time out with the money moved
 * (…0068: settled by the provider's status the next night).
 */
export async function seed(db: Database): Promise<void> {
  const clock = new ManualClock('2025-12-20' as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(42));
  const lines = await seedCreditLines(
    db,
    { ...pgBooks(), clock, ids },
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
    { ...pgBooks(), clock, ids },
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
export function batchOn(db: Database, payments: string) {
  return createDayEndService(batchDepsOn(db, payments));
}

/** What `batchOn` runs: the processors, the run log, the clock (2026-02-01). */
export function batchDepsOn(db: Database, payments: string): DayEndDeps {
  const clock = new ManualClock('2026-02-01' as LocalDate);
  const ids = createIdGenerator(clock, seededRandomBytes(7));
  const { outbox } = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const services = { db, clock, ids, termsInForce: testTermsInForce, outbox };
  const loans = createLoanService({ ...pgBooks(), ...services, product: DEFAULT_LOAN_PRODUCT });
  const lines = createCreditLineService({ ...pgBooks(), ...services, product: DEFAULT_CREDIT_LINE_PRODUCT });
  return {
    db,
    clock,
    runs: createPgDayEndRunLog(),
    processors: [
      createLoanDayEndProcessor({ ...pgBooks(), clock, ids }),
      createCreditLineDayEndProcessor({ ...pgBooks(), clock, ids }),
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
  };
}

/** The books as comparable text: every account balance, every journal by its source, every loan's state. */
export async function books(db: Database): Promise<string> {
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

/** Per partition of 4: how many loans its customers hold, as the database's `hashtext` partitions them. */
export async function loansPerPartition(db: Queryable): Promise<string[]> {
  const loans = await db.query<{ customer_id: string }>(`select customer_id from loans`);
  const partOf = await customerPartitionsOf(
    db,
    loans.rows.map((row) => row.customer_id),
    4,
  );
  const counts = [0, 0, 0, 0];
  for (const row of loans.rows) {
    const part = partOf.get(row.customer_id) as number;
    counts[part] = (counts[part] ?? 0) + 1;
  }
  return counts.map((count, part) => `partition ${part}: 35 dates × ${count} loans`);
}

/** Per slot of the run log (a partition): the dates it counted loans on and the loans counted each date. */
export async function loansPerPartitionPerDate(db: Queryable): Promise<string[]> {
  const slots = await db.query<{
    slot: number;
    dates: bigint | number;
    least: bigint | number;
    most: bigint | number;
  }>(
    `select slot, count(*) as dates, min(items) as least, max(items) as most from day_end_run_counts
      where product = 'cash-loan' group by slot order by slot`,
  );
  return slots.rows.map((row) =>
    Number(row.least) === Number(row.most)
      ? `partition ${row.slot}: ${Number(row.dates)} dates × ${Number(row.least)} loans`
      : `partition ${row.slot}: ${Number(row.dates)} dates × ${Number(row.least)}–${Number(row.most)} loans`,
  );
}
