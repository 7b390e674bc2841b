import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyLedger } from '../src/ledger/ledger.pg.ts';
import { createPgDayEndRunLog } from '../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../src/lending/eod/day-end.ts';
import { DEFAULT_LOAN_PRODUCT } from '../src/lending/loans/loan-contract.ts';
import { createLoanDayEndProcessor } from '../src/lending/loans/loan-day-end.ts';
import { seedLoanBook } from '../src/lending/loans/loan-seeding.pg.ts';
import { generateSchedule } from '../src/lending/loans/schedule.ts';
import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import type { Money } from '../src/platform/money/money.ts';
import { parseRate } from '../src/platform/money/rate.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import { addDays, type LocalDate } from '../src/platform/time/local-date.ts';
import { throughput, type BenchSuite, type Measurement } from './harness.ts';
import { pgBooks } from '../test/support/books.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_loans';
const SIZES = (process.env.BENCH_LOANS_SIZES ?? '10000,25000,50000,100000').split(',').map(Number);
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

/**
 * The peer for schedule generation: the usual floating-point annuity (Number, Math.pow, toFixed) — what
 * the exact bigint schedule replaces. It is faster and wrong in the last fen often enough to matter.
 */
function floatSchedule(
  principal: number,
  apr: number,
  term: number,
): { payment: number; interest: number[] } {
  const r = apr / 12;
  const payment = Number(((principal * r) / (1 - (1 + r) ** -term)).toFixed(2));
  let balance = principal;
  const interest: number[] = [];
  for (let k = 0; k < term; k += 1) {
    const i = Number((balance * r).toFixed(2));
    interest.push(i);
    balance -= payment - i;
  }
  return { payment, interest };
}

/** One SVG line chart of seconds against active loans, with the target line. */
function plot(points: readonly { loans: number; seconds: number }[], target: number): string {
  const width = 640;
  const height = 360;
  const left = 60;
  const bottom = 40;
  const maxX = Math.max(...points.map((p) => p.loans)) * 1.05;
  const maxY = Math.max(target * 1.1, ...points.map((p) => p.seconds * 1.2));
  const x = (loans: number) => left + ((width - left - 20) * loans) / maxX;
  const y = (seconds: number) => height - bottom - ((height - bottom - 20) * seconds) / maxY;
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.loans).toFixed(1)},${y(p.seconds).toFixed(1)}`)
    .join(' ');
  const ticksX = [0, 25_000, 50_000, 75_000, 100_000].filter((t) => t <= maxX);
  const ticksY = Array.from({ length: 6 }, (_, i) => (maxY / 5) * i);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">
<text x="${width / 2}" y="14" text-anchor="middle" font-size="13">Day-end batch time vs active loans (PostgreSQL)</text>
<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#333"/>
<line x1="${left}" y1="20" x2="${left}" y2="${height - bottom}" stroke="#333"/>
${ticksX.map((t) => `<text x="${x(t)}" y="${height - bottom + 16}" text-anchor="middle">${t / 1000}k</text>`).join('\n')}
${ticksY.map((t) => `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(0)} s</text><line x1="${left}" y1="${y(t)}" x2="${width - 10}" y2="${y(t)}" stroke="#eee"/>`).join('\n')}
<line x1="${left}" y1="${y(target)}" x2="${width - 10}" y2="${y(target)}" stroke="#c62828" stroke-dasharray="6 4"/>
<text x="${width - 12}" y="${y(target) - 6}" text-anchor="end" fill="#c62828">target ${target} s at 100k</text>
<path d="${path}" fill="none" stroke="#1565c0" stroke-width="2"/>
${points.map((p) => `<circle cx="${x(p.loans)}" cy="${y(p.seconds)}" r="4" fill="#1565c0"/><text x="${x(p.loans) + 6}" y="${y(p.seconds) - 8}">${p.seconds.toFixed(1)} s</text>`).join('\n')}
<text x="${(width + left) / 2}" y="${height - 6}" text-anchor="middle">active loans</text>
</svg>`;
}

async function openSchema(): Promise<Database> {
  const admin = await openPostgres({ connectionString: POSTGRES_URL, max: 1 });
  await admin.exec(`drop schema if exists ${SCHEMA} cascade`);
  await admin.close();
  const db = await openPostgres({ connectionString: POSTGRES_URL, schema: SCHEMA, max: 8 });
  await migrate(db);
  return db;
}

const suite: BenchSuite = {
  name: 'loans',
  description: 'exact schedules on one core; day-end batch time from 10k to 100k active loans on PostgreSQL',
  async run(log) {
    // Schedules: exact bigint schedule with its IRR, one core.
    const apr = parseRate('0.1825');
    let day = 0;
    const ours = await throughput(() => {
      day = (day + 1) % 365;
      return generateSchedule({
        principal: 1_000_000n as Money,
        apr,
        term: 12,
        method: 'equal-installment',
        basis: 'daily',
        startDate: addDays('2026-01-01' as LocalDate, day),
      });
    }, 3000);
    const floats = await throughput(() => floatSchedule(10_000, 0.1825, 12), 1000);
    log(`schedules: ${ours.toFixed(0)}/s exact (with IRR), ${floats.toFixed(0)}/s float`);

    // Day-end growth: the book grows to each size, then one business day is run for all of it.
    const db = await openSchema();
    const clock = new ManualClock('2026-03-01' as LocalDate);
    const ids = createIdGenerator(clock, seededRandomBytes(11));
    const batch = createDayEndService({
      db,
      clock,
      runs: createPgDayEndRunLog(),
      processors: [createLoanDayEndProcessor({ ...pgBooks(), clock, ids })],
      elapsed: () => performance.now(),
    });
    const points: { loans: number; seconds: number }[] = [];
    let total = 0;
    let date = '2026-01-05' as LocalDate;
    try {
      for (const size of SIZES) {
        const seedStarted = performance.now();
        await seedLoanBook(
          db,
          { ...pgBooks(), clock, ids },
          {
            customers: size - total,
            startDate: date,
            limit: 5_000_000n as Money,
            apr,
            amountOf: (index) => BigInt(100_000 + (index % 400) * 1_000) as Money,
            product: DEFAULT_LOAN_PRODUCT,
            batchSize: 2000,
          },
        );
        total = size;
        log(
          `book of ${total} loans ready (${((performance.now() - seedStarted) / 1000).toFixed(1)} s to add)`,
        );
        await db.exec('analyze');
        date = addDays(date, 1);
        const started = performance.now();
        const report = await batch.run({ through: date, chunkSize: 1000, concurrency: 4 });
        const seconds = (performance.now() - started) / 1000;
        const items = report.dates.reduce((sum, d) => sum + d.items, 0);
        log(
          `day-end ${date}: ${items} loans in ${seconds.toFixed(1)} s (${(items / seconds).toFixed(0)} loans/s)`,
        );
        points.push({ loans: total, seconds });
      }
      const verification = await verifyLedger(db);
      log(
        `ledger after the runs: ${verification.journals} journals, ${verification.ok ? 'sound' : 'NOT SOUND'}`,
      );
      mkdirSync(outDir, { recursive: true });
      const svg = plot(points, 60);
      writeFileSync(`${outDir}loans-day-end-growth.svg`, svg);
      writeFileSync(
        `${outDir}loans-day-end-growth.html`,
        `<!doctype html><meta charset="utf-8"><title>Day-end growth</title><body style="font-family:sans-serif">${svg}<p>${points
          .map((p) => `${p.loans} loans: ${p.seconds.toFixed(1)} s`)
          .join('; ')}</p></body>`,
      );
      log(`plot: ${outDir}loans-day-end-growth.svg`);
      const largest = points[points.length - 1];
      const first = points[0];
      const measurements: Measurement[] = [
        {
          metric: 'schedules generated, one core (12 months, daily basis, with IRR)',
          unit: 'schedules/s',
          ours,
          peer: floats,
          peerName: 'float annuity (inexact)',
          higherIsBetter: true,
          target: '≥ 20,000/s',
          met: ours >= 20_000,
        },
      ];
      if (largest && first) {
        measurements.push({
          metric: `day-end batch, ${largest.loans.toLocaleString('en')} active loans`,
          unit: 's',
          ours: largest.seconds,
          higherIsBetter: false,
          target: '≤ 60 s at 100,000',
          met: largest.loans >= 100_000 ? largest.seconds <= 60 : undefined,
          note: `growth ${first.loans}→${largest.loans}: ${points.map((p) => `${p.seconds.toFixed(1)} s`).join(', ')} (per loan ${((first.seconds / first.loans) * 1e6).toFixed(0)}→${((largest.seconds / largest.loans) * 1e6).toFixed(0)} µs)`,
        });
      }
      measurements.push({
        metric: 'ledger sound after the day-end runs',
        unit: 'ok',
        ours: verification.ok ? 1 : 0,
        higherIsBetter: true,
        target: 'every invariant',
        met: verification.ok,
      });
      return measurements;
    } finally {
      await db.exec(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
      await db.close();
    }
  },
};

export default suite;
