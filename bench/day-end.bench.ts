import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import type { App } from '../src/services.ts';
import { seedCreditLines } from '../src/lending/credit-lines/credit-line-seeding.pg.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT } from '../src/lending/credit-lines/line-terms.ts';
import { DEFAULT_LOAN_PRODUCT } from '../src/lending/loans/loan-contract.ts';
import { seedLoanBook } from '../src/lending/loans/loan-seeding.pg.ts';
import { loanStore, saveLoanStates } from '../src/lending/loans/loans.pg.ts';
import { advance } from '../src/lending/loans/servicing.ts';
import { verifyLedger } from '../src/ledger/ledger.pg.ts';
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
import type { BenchSuite, Measurement } from './harness.ts';
import { pgBooks } from '../test/support/books.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_day_end';
/** Accounts of EACH product per point: loans and lines alike (100,000 + 100,000 at the largest). */
const SIZES = (process.env.BENCH_DAY_END_SIZES ?? '10000,30000,100000').split(',').map(Number);
/**
 * The night measured. Most loans were drawn on 5 Jan (first instalment due 5 Feb: tonight writes "due in 3
 * days" for tomorrow); a tenth on 5 Dec and never repaid (first instalment 27 days overdue: penalty, buckets,
 * collection cases). Lines opened on 5 Jan with purchases (statement day 1: tonight cuts February's
 * statements and writes "statement ready").
 *
 * The book is brought to the eve in memory by the same servicing core (loans: `advance` + `saveLoanStates`;
 * lines: `seedCreditLines … through`), as the collections bench does: the ledger is not posted for the days
 * before the eve, only from the night on. That keeps a 200,000-account book's set-up to minutes.
 */
const NIGHT = '2026-02-01' as LocalDate;
/**
 * The auto-repay comparison: one book of this size (loans and lines each) is run twice, its night once with
 * one transaction in flight (the auto-repay step settles its attempts one at a time, as on PGlite) and once
 * with `CONCURRENCY` (attempts settled that many at once on PostgreSQL).
 */
const AUTO_REPAY_SIZE = Number(process.env.BENCH_AUTOREPAY_SIZE ?? '2000');
const CONCURRENCY = 4;
const EVE = addDays(NIGHT, -1);
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

async function freshSchema(): Promise<Database> {
  const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
  await admin.exec(`drop schema if exists ${SCHEMA} cascade`);
  await admin.close();
  return openPostgres({ connectionString: POSTGRES_URL, schema: SCHEMA, max: 6 });
}

async function appOn(db: Database, clock: ManualClock): Promise<App> {
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
    clock,
    ids: createIdGenerator(clock, seededRandomBytes(16)),
    logger: createLogger({ level: 'warn' }),
    messageChannel: createSandboxChannel(),
    messageDeliveryIntervalMs: 0,
  });
}

/** The book for one point: `size` loans (a tenth delinquent) and `size` credit lines. */
async function seedBook(
  app: App,
  clock: ManualClock,
  size: number,
  log: (line: string) => void,
): Promise<void> {
  const ids = createIdGenerator(clock, seededRandomBytes(size + 1));
  const apr = parseRate('0.1825');
  const started = performance.now();
  const late = Math.round(size / 10);
  // A fifth of the loans drawn on 1 Jan: their first instalment falls due on the night, and auto-repay is
  // on for them, so the night's figure includes collecting it through the (sandbox) provider.
  const autoRepayLoans = Math.round(size / 5);
  const loans = (customers: number, startDate: string) =>
    seedLoanBook(
      app.db,
      { ...pgBooks(), clock, ids },
      {
        customers,
        startDate: startDate as LocalDate,
        limit: 5_000_000n as Money,
        apr,
        amountOf: (index) => BigInt(100_000 + (index % 400) * 1_000) as Money,
        product: DEFAULT_LOAN_PRODUCT,
        batchSize: 2000,
      },
    );
  await loans(late, '2025-12-05');
  const mandated = await loans(autoRepayLoans, '2026-01-01');
  await loans(size - late - autoRepayLoans, '2026-01-05');
  const autoRepayIds = new Set(mandated.loanIds);
  for (let afterId = ''; ;) {
    const page = await loanStore.listOpen(app.db, afterId, 2000);
    if (page.length === 0) break;
    afterId = page[page.length - 1]?.id ?? afterId;
    // The auto-repay cohort is not advanced in memory: its January is booked by the (unmeasured) catch-up
    // run, so the ledger holds the interest the night's collection repays.
    const book = (await loanStore.load(app.db, page)).filter(
      (loan) => !autoRepayIds.has(loan.contract.loanId),
    );
    const advanced = book.map((loan) => ({
      contract: loan.contract,
      state: advance(loan.contract, loan.state, EVE).state,
    }));
    await app.db.transaction((tx) => saveLoanStates(tx, advanced, clock.now()));
  }
  const lines = await seedCreditLines(
    app.db,
    { ...pgBooks(), clock, ids },
    {
      customers: size,
      openedOn: '2026-01-05' as LocalDate,
      through: EVE,
      limit: 2_000_000n as Money,
      apr,
      purchasesOf: (index) => [BigInt(20_000 + (index % 50) * 1_000) as Money, 35_000n as Money],
      convertEvery: 10,
      product: DEFAULT_CREDIT_LINE_PRODUCT,
      batchSize: 2000,
    },
  );
  // Auto-repay on for those loans and for a fifth of the lines (whose first statement is cut on the night:
  // their mandates are read, nothing is due yet), from cards that succeed, refuse (…0051) or time out (…0068).
  const accounts = [
    ...mandated.loanIds.map((id, i) => [mandated.customerIds[i] as string, id, 'cash_loan'] as const),
    ...lines.lineIds
      .filter((_id, i) => i % 5 === 0)
      .map((id) => [lines.customerIds[lines.lineIds.indexOf(id)] as string, id, 'credit_line'] as const),
  ];
  await seedAutoRepay(app.db, accounts, clock.now());
  await app.db.exec('analyze');
  log(
    `  auto-repay on for ${mandated.loanIds.length.toLocaleString('en')} loans (first instalment due on the night) and ${(accounts.length - mandated.loanIds.length).toLocaleString('en')} lines`,
  );
  log(
    `  ${size.toLocaleString('en')} loans + ${size.toLocaleString('en')} lines seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Customers, bound cards and enabled auto-repay mandates for `accounts`, set-based. */
async function seedAutoRepay(
  db: Database,
  accounts: readonly (readonly [customerId: string, accountId: string, product: string])[],
  at: Date,
): Promise<void> {
  for (let offset = 0; offset < accounts.length; offset += 5000) {
    const batch = accounts.slice(offset, offset + 5000);
    const customers = batch.map(([customerId]) => customerId);
    const cards = batch.map((_a, i) => `crd_${String(offset + i).padStart(26, '0')}`);
    const last4 = batch.map((_a, i) =>
      (offset + i) % 10 === 0 ? '0051' : (offset + i) % 10 === 1 ? '0068' : '1234',
    );
    await db.query(
      `insert into customers (customer_id, external_id, name_enc, name_key_id, id_number_enc, id_number_key_id,
         id_number_bidx, phone_enc, phone_key_id, phone_bidx, birth_date, sex, region_code, created_at)
       select c, c, '\\x00', 'k1', '\\x00', 'k1', md5(c) || md5(c), '\\x00', 'k1', md5(c || 'p') || md5(c || 'p'),
         '1990-01-01', 'female', '110105', $2
         from unnest($1::text[]) as t(c) on conflict do nothing`,
      [customers, at],
    );
    await db.query(
      `insert into customer_cards (customer_id, card_id, card_enc, card_key_id, card_bidx, last4, added_at)
       select c, k, '\\x00', 'k1', md5(k) || md5(k), l, $4 from unnest($1::text[], $2::text[], $3::text[]) as t(c, k, l)`,
      [customers, cards, last4, at],
    );
    await db.query(
      `insert into auto_repay_mandates (customer_id, account_id, product, card_id, enabled, notice_version,
         processed_through, created_at, updated_at, amount_rule)
       select c, a, p, k, true, 1, '2025-12-31', $5, $5, case when p = 'credit_line' then 'full' end
         from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(c, a, p, k)`,
      [customers, batch.map(([, accountId]) => accountId), batch.map(([, , product]) => product), cards, at],
    );
  }
}

interface Point {
  readonly size: number;
  readonly seconds: number;
  readonly steps: Record<string, number>;
  readonly messages: number;
  readonly cases: number;
}

function plot(points: readonly Point[], target: number): string {
  const width = 640;
  const height = 360;
  const pad = 56;
  const maxX = Math.max(...points.map((p) => p.size));
  const maxY = Math.max(target * 1.1, ...points.map((p) => p.seconds));
  const x = (v: number) => pad + (v / maxX) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / maxY) * (height - 2 * pad);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.size).toFixed(1)},${y(p.seconds).toFixed(1)}`)
    .join(' ');
  const dots = points
    .map(
      (p) =>
        `<circle cx="${x(p.size).toFixed(1)}" cy="${y(p.seconds).toFixed(1)}" r="4" fill="#1677ff"/><text x="${x(p.size).toFixed(1)}" y="${(y(p.seconds) - 10).toFixed(1)}" text-anchor="middle" font-size="12">${p.seconds.toFixed(1)} s</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${width / 2}" y="24" text-anchor="middle" font-size="15">One night's day-end (loans + lines, reminders, collections, messages) on PostgreSQL</text>
<line x1="${pad}" y1="${y(target)}" x2="${width - pad}" y2="${y(target)}" stroke="#d4380d" stroke-dasharray="6 4"/>
<text x="${width - pad}" y="${y(target) - 6}" text-anchor="end" font-size="12" fill="#d4380d">target ${target} s</text>
<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#333"/>
<line x1="${pad}" y1="${pad}" x2="${pad}" y2="${height - pad}" stroke="#333"/>
<text x="${width / 2}" y="${height - 16}" text-anchor="middle" font-size="12">accounts of each product (loans = lines)</text>
<text x="16" y="${height / 2}" transform="rotate(-90 16 ${height / 2})" text-anchor="middle" font-size="12">seconds</text>
${points.map((p) => `<text x="${x(p.size).toFixed(1)}" y="${height - pad + 16}" text-anchor="middle" font-size="11">${(p.size / 1000).toFixed(0)}k</text>`).join('')}
<path d="${path}" fill="none" stroke="#1677ff" stroke-width="2"/>${dots}
</svg>`;
}

interface Night {
  readonly seconds: number;
  readonly steps: Record<string, number>;
  readonly messages: number;
  readonly cases: number;
  /** Attempts the night's auto-repay step settled (every status), and what became of them. */
  readonly attempts: number;
  readonly outcomes: string;
  readonly sound?: boolean;
}

/** Seeds a book of `size` + `size` on a fresh schema, catches up to the eve and measures the night. */
async function measureNight(
  size: number,
  concurrency: number,
  log: (line: string) => void,
  verify: boolean,
): Promise<Night> {
  const db = await freshSchema();
  const clock = new ManualClock('2025-12-05' as LocalDate);
  const app = await appOn(db, clock);
  try {
    await seedBook(app, clock, size, log);
    // The run log and the other steps brought to the eve (not timed; the accounts are there already).
    clock.set(NIGHT);
    const catchUp = performance.now();
    await app.services.dayEnd.run({ through: EVE, chunkSize: 1000, concurrency: CONCURRENCY });
    log(`  caught up to ${EVE} in ${((performance.now() - catchUp) / 1000).toFixed(1)} s (not measured)`);
    await db.exec('analyze');
    const messagesBefore = await count(db, `select count(*) as n from customer_messages`);
    const started = performance.now();
    const report = await app.services.dayEnd.run({ through: NIGHT, chunkSize: 1000, concurrency });
    const seconds = (performance.now() - started) / 1000;
    const steps: Record<string, number> = {};
    for (const entry of report.dates)
      steps[entry.product] = (steps[entry.product] ?? 0) + entry.milliseconds / 1000;
    const messages = (await count(db, `select count(*) as n from customer_messages`)) - messagesBefore;
    const cases = await count(db, `select count(*) as n from collection_cases where status = 'open'`);
    const collected = await db.query<{ status: string; n: bigint | string }>(
      `select status || coalesce(':' || failure_reason, '') as status, count(*) as n from payment_attempts
        where business_date = $1 group by 1 order by 1`,
      [NIGHT],
    );
    const outcomes = collected.rows.map((r) => `${r.status} ${Number(r.n)}`).join(', ') || 'no attempt';
    const attempts = collected.rows.reduce((sum, r) => sum + Number(r.n), 0);
    log(`  auto-repay on the night (${concurrency} in flight): ${outcomes}`);
    log(
      `  night ${NIGHT}: ${seconds.toFixed(1)} s — ${Object.entries(steps)
        .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
        .join(', ')}; ${messages} messages written, ${cases} open collection cases`,
    );
    const sound = verify ? (await verifyLedger(db)).ok : undefined;
    return { seconds, steps, messages, cases, attempts, outcomes, ...(sound === undefined ? {} : { sound }) };
  } finally {
    await app.stop();
    const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
    await admin.exec(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
    await admin.close();
  }
}

/**
 * The auto-repay step settled one at a time and `CONCURRENCY` at once, on the same book: attempts a second
 * each way, their ratio, and what the step would take at 100,000 loans — at a tenth of them due on a night
 * (10,000 attempts) and at this bench's fifth (20,000).
 */
async function autoRepayComparison(log: (line: string) => void): Promise<Measurement[]> {
  log(`auto-repay settled one at a time vs ${CONCURRENCY} at once, ${AUTO_REPAY_SIZE} + ${AUTO_REPAY_SIZE}:`);
  const rate = (night: Night) => night.attempts / (night.steps['auto-repay'] ?? Number.NaN);
  const sequential = await measureNight(AUTO_REPAY_SIZE, 1, log, false);
  const concurrent = await measureNight(AUTO_REPAY_SIZE, CONCURRENCY, log, true);
  const [one, many] = [rate(sequential), rate(concurrent)];
  const projected = (attempts: number) => attempts / many;
  log(
    `  auto-repay step: ${one.toFixed(0)} attempts/s one at a time, ${many.toFixed(0)} attempts/s ${CONCURRENCY} at once (×${(many / one).toFixed(2)}); projected at 100k loans: ${projected(10_000).toFixed(1)} s for 10,000 attempts, ${projected(20_000).toFixed(1)} s for 20,000`,
  );
  return [
    {
      metric: `auto-repay step, attempts settled a second, ${CONCURRENCY} at once vs one at a time (${concurrent.attempts} attempts, ${AUTO_REPAY_SIZE.toLocaleString('en')} + ${AUTO_REPAY_SIZE.toLocaleString('en')} book)`,
      unit: 'attempts/s',
      ours: many,
      peer: one,
      peerName: 'one at a time',
      higherIsBetter: true,
      note: `×${(many / one).toFixed(2)}; the same book and night, sequential ${sequential.steps['auto-repay']?.toFixed(1)} s vs concurrent ${concurrent.steps['auto-repay']?.toFixed(1)} s (${concurrent.outcomes}); ledger ${concurrent.sound ? 'sound' : 'NOT SOUND'}`,
    },
    {
      metric: 'auto-repay step projected at 100,000 loans (10,000 attempts due on the night)',
      unit: 's',
      ours: projected(10_000),
      higherIsBetter: false,
      note: `at ${many.toFixed(0)} attempts/s; 20,000 attempts (this bench's fifth) ${projected(20_000).toFixed(1)} s; one at a time it would be ${(10_000 / one).toFixed(1)} s`,
    },
  ];
}

const suite: BenchSuite = {
  name: 'day-end',
  description: `one night's whole day-end (loans and credit lines, reminders, auto-repay, collections, messages) from ${SIZES.map((s) => `${s / 1000}k`).join(' to ')} + as many lines on PostgreSQL; the auto-repay step one at a time vs ${CONCURRENCY} at once`,
  async run(log) {
    const points: Point[] = [];
    let sound = false;
    for (const size of SIZES) {
      const last = size === SIZES[SIZES.length - 1];
      const night = await measureNight(size, CONCURRENCY, log, last);
      points.push({ size, ...night });
      if (last) {
        sound = night.sound ?? false;
        log(`  ledger after the night: ${sound ? 'sound' : 'NOT SOUND'}`);
      }
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(`${outDir}day-end-night-growth.svg`, plot(points, 60));
    log(`plot: ${outDir}day-end-night-growth.svg`);
    const largest = points[points.length - 1];
    const first = points[0];
    const measurements: Measurement[] = [];
    if (largest && first) {
      measurements.push({
        metric: `one night's whole day-end, ${largest.size.toLocaleString('en')} loans + ${largest.size.toLocaleString('en')} lines`,
        unit: 's',
        ours: largest.seconds,
        higherIsBetter: false,
        target: '≤ 60 s at 100,000 + 100,000',
        met: largest.size >= 100_000 ? largest.seconds <= 60 : undefined,
        note: `growth ${points.map((p) => `${p.size / 1000}k ${p.seconds.toFixed(1)} s`).join(', ')} (per account ${((first.seconds / (2 * first.size)) * 1e6).toFixed(0)}→${((largest.seconds / (2 * largest.size)) * 1e6).toFixed(0)} µs); ${largest.messages} messages and ${largest.cases} open cases at the largest`,
      });
    }
    measurements.push({
      metric: 'ledger sound after the largest night',
      unit: 'ok',
      ours: sound ? 1 : 0,
      higherIsBetter: true,
      target: 'every invariant',
      met: sound,
    });
    measurements.push(...(await autoRepayComparison(log)));
    return measurements;
  },
};

async function count(db: Database, sql: string): Promise<number> {
  const result = await db.query<{ n: bigint | string }>(sql);
  return Number(result.rows[0]?.n ?? 0);
}

export default suite;
