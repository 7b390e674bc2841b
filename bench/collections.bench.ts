import { applyCollectionsDay } from '../src/collections/apply-collections-day.ts';
import { createCollectionsDay } from '../src/collections/collections-day.ts';
import { DEFAULT_COLLECTION_STRATEGY, fixedStrategies } from '../src/collections/index.ts';
import { createCollectionsProcessor } from '../src/lending/eod/collections-processor.pg.ts';
import { loanFacts } from '../src/lending/eod/collections-facts.ts';
import { DEFAULT_LOAN_PRODUCT } from '../src/lending/loans/loan-contract.ts';
import { loanStore, saveLoanStates } from '../src/lending/loans/loans.pg.ts';
import { seedLoanBook } from '../src/lending/loans/loan-seeding.pg.ts';
import { advance } from '../src/lending/loans/servicing.ts';
import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes, type IdGenerator } from '../src/platform/ids/ids.ts';
import type { Money } from '../src/platform/money/money.ts';
import { parseRate } from '../src/platform/money/rate.ts';
import { createSandboxChannel } from '../src/platform/notifications/index.ts';
import { createNotifications } from '../src/platform/notifications/notifications.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import type { LocalDate } from '../src/platform/time/local-date.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { pgBooks } from '../test/support/books.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ACCOUNTS = Number(process.env.BENCH_COLLECTIONS_ACCOUNTS ?? 100_000);
const PEER_ACCOUNTS = Number(process.env.BENCH_COLLECTIONS_PEER_ACCOUNTS ?? 10_000);
/** The business date measured: the late tenth drew on 5 Dec (first due 5 Jan: 5 days past due), the rest on 5 Jan. */
const DATE = '2026-01-10' as LocalDate;

async function freshSchema(schema: string): Promise<Database> {
  const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
  await admin.exec(`drop schema if exists ${schema} cascade`);
  await admin.close();
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema, max: 4 });
  await migrate(db);
  return db;
}

/**
 * A book of `accounts` loans, a tenth of them 5 days past due on DATE. The states are brought to DATE by the
 * servicing core in memory and written with `saveLoanStates` (the ledger is not posted for those days: the
 * collections step reads the loans' states and nothing else of the books).
 */
async function book(db: Database, accounts: number, ids: IdGenerator, clock: ManualClock): Promise<void> {
  const late = Math.round(accounts / 10);
  const seed = (customers: number, startDate: string) =>
    seedLoanBook(
      db,
      { ...pgBooks(), clock, ids },
      {
        customers,
        startDate: startDate as LocalDate,
        limit: 5_000_000n as Money,
        apr: parseRate('0.18'),
        amountOf: (index) => BigInt(100_000 + (index % 400) * 1_000) as Money,
        product: DEFAULT_LOAN_PRODUCT,
        batchSize: 2000,
      },
    );
  await seed(late, '2025-12-05');
  await seed(accounts - late, '2026-01-05');
  for (let afterId = ''; ;) {
    const page = await loanStore.listOpen(db, afterId, 2000);
    if (page.length === 0) break;
    afterId = page[page.length - 1]?.id ?? afterId;
    const loans = await loanStore.load(db, page);
    const advanced = loans.map((loan) => ({
      contract: loan.contract,
      state: advance(loan.contract, loan.state, DATE).state,
    }));
    await db.transaction((tx) => saveLoanStates(tx, advanced, clock.now()));
  }
  await db.exec('analyze');
}

/** The collections step of DATE as the batch runs it: pages of 500 in id order, one transaction each. */
async function batched(
  db: Database,
  clock: ManualClock,
  ids: IdGenerator,
): Promise<{ seconds: number; listed: number }> {
  const { outbox } = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const step = createCollectionsProcessor({
    collections: createCollectionsDay({
      clock,
      ids,
      outbox,
      strategies: fixedStrategies([DEFAULT_COLLECTION_STRATEGY]),
    }),
  });
  const started = performance.now();
  let listed = 0;
  for (let afterId = ''; ;) {
    const items = await step.listBehind(db, DATE, afterId, 500);
    if (items.length === 0) break;
    listed += items.length;
    afterId = items[items.length - 1]?.id ?? afterId;
    await db.transaction((tx) => step.advance(tx, items, DATE));
  }
  return { seconds: (performance.now() - started) / 1000, listed };
}

/**
 * The naive peer: every account on its own — read each loan by its key, work out its facts, and run the
 * same case rule in a transaction of its own (as a per-account job queue would). Same rules, same rows.
 */
async function naive(db: Database, clock: ManualClock, ids: IdGenerator): Promise<number> {
  const { outbox } = createNotifications({ db, clock, ids, channel: createSandboxChannel() });
  const deps = { clock, ids, outbox, strategies: fixedStrategies([DEFAULT_COLLECTION_STRATEGY]) };
  const refs: { customerId: string; id: string }[] = [];
  for (let afterId = ''; ;) {
    const page = await loanStore.listOpen(db, afterId, 5000);
    if (page.length === 0) break;
    refs.push(...page);
    afterId = page[page.length - 1]?.id ?? afterId;
  }
  const started = performance.now();
  for (const ref of refs) {
    await db.transaction(async (tx) => {
      const loan = await loanStore.find(tx, ref.customerId, ref.id);
      if (!loan) return;
      await applyCollectionsDay(deps, tx, [loanFacts(loan.contract, loan.state, DATE, [])], DATE);
    });
  }
  return refs.length / ((performance.now() - started) / 1000);
}

const suite: BenchSuite = {
  name: 'collections',
  description: `the day-end collections step on ${ACCOUNTS.toLocaleString('en')} loans (10% delinquent), PostgreSQL`,
  async run(log) {
    const clock = new ManualClock('2025-12-05' as LocalDate);
    const ids = createIdGenerator(clock, seededRandomBytes(84));
    const db = await freshSchema('bench_collections');
    const peerDb = await freshSchema('bench_collections_peer');
    try {
      log(`seeding ${ACCOUNTS.toLocaleString('en')} loans and bringing them to ${DATE} in memory …`);
      await book(db, ACCOUNTS, ids, clock);
      await book(peerDb, PEER_ACCOUNTS, ids, clock);
      clock.set('2026-01-11' as LocalDate);

      const first = await batched(db, clock, ids);
      const opened = await db.query<{ n: bigint }>(
        `select count(*) as n from collection_cases where status = 'open'`,
      );
      log(
        `first pass: ${first.listed} accounts read, ${opened.rows[0]?.n} cases opened in ${first.seconds.toFixed(2)} s`,
      );
      const rerun = await batched(db, clock, ids);
      log(
        `rerun of the same date: ${rerun.listed} accounts read, nothing written, ${rerun.seconds.toFixed(2)} s`,
      );

      const naivePerSecond = await naive(peerDb, clock, ids);
      const peerOpened = await peerDb.query<{ n: bigint }>(`select count(*) as n from collection_cases`);
      log(
        `naive: ${PEER_ACCOUNTS.toLocaleString('en')} accounts one by one (${peerOpened.rows[0]?.n} cases), ${naivePerSecond.toFixed(0)} accounts/s`,
      );
      const oursPerSecond = ACCOUNTS / first.seconds;
      const measurements: Measurement[] = [
        {
          metric: `collections step, ${ACCOUNTS.toLocaleString('en')} loans (10% delinquent), book accounts/s`,
          unit: 'accounts/s',
          ours: oursPerSecond,
          peer: naivePerSecond,
          peerName: 'naive: each account read and stepped in its own transaction',
          higherIsBetter: true,
          note: `${first.seconds.toFixed(2)} s for the date; a rerun ${rerun.seconds.toFixed(2)} s`,
        },
        {
          metric: 'collections step, seconds for the date',
          unit: 's',
          ours: first.seconds,
          higherIsBetter: false,
        },
      ];
      return measurements;
    } finally {
      await db.close();
      await peerDb.close();
    }
  },
};

export default suite;
