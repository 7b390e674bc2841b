import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyLedger } from '../src/ledger/ledger.pg.ts';
import { createCreditLineDayEndProcessor } from '../src/lending/credit-lines/credit-line-day-end.ts';
import { seedCreditLines } from '../src/lending/credit-lines/credit-line-seeding.pg.ts';
import {
  advanceLine,
  initialLineState,
  receiveLineEvent,
} from '../src/lending/credit-lines/line-servicing.ts';
import { DEFAULT_CREDIT_LINE_PRODUCT, termsFor } from '../src/lending/credit-lines/line-terms.ts';
import { createPgDayEndRunLog } from '../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../src/lending/eod/day-end.ts';
import type { Database } from '../src/platform/database/database.ts';
import { migrate } from '../src/platform/database/migrate.ts';
import { openPostgres } from '../src/platform/database/postgres.ts';
import { createIdGenerator, seededRandomBytes } from '../src/platform/ids/ids.ts';
import type { Money } from '../src/platform/money/money.ts';
import { parseRate } from '../src/platform/money/rate.ts';
import { ManualClock } from '../src/platform/time/clock.ts';
import type { LocalDate } from '../src/platform/time/local-date.ts';
import { throughput, type BenchSuite, type Measurement } from './harness.ts';
import { pgBooks } from '../test/support/books.ts';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'bench_credit_lines';
const SIZES = (process.env.BENCH_LINES_SIZES ?? '10000,25000,50000,100000').split(',').map(Number);
const outDir = fileURLToPath(new URL('./out/', import.meta.url));

const OPENED = '2026-01-05' as LocalDate;
const EVE = '2026-01-31' as LocalDate;
const STATEMENT_DAY = '2026-02-01' as LocalDate;
const NEXT_DAY = '2026-02-02' as LocalDate;
const apr = parseRate('0.1825');

/** Three purchases a line, ¥12.34 to ¥4,000-odd, within the ¥20,000 limit. */
const purchasesOf = (index: number): Money[] => [
  BigInt(1_234 + (index % 977) * 301) as Money,
  BigInt(50_000 + (index % 13) * 7_919) as Money,
  BigInt(99 + (index % 5) * 100_003) as Money,
];

/** One SVG line chart of seconds against lines, with the target line. */
function plot(points: readonly { lines: number; seconds: number; plain: number }[], target: number): string {
  const width = 640;
  const height = 360;
  const left = 60;
  const bottom = 40;
  const maxX = Math.max(...points.map((p) => p.lines)) * 1.05;
  const maxY = Math.max(target * 1.1, ...points.map((p) => p.seconds * 1.2));
  const x = (lines: number) => left + ((width - left - 20) * lines) / maxX;
  const y = (seconds: number) => height - bottom - ((height - bottom - 20) * seconds) / maxY;
  const path = (pick: (p: { seconds: number; plain: number }) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.lines).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const ticksX = [0, 25_000, 50_000, 75_000, 100_000].filter((t) => t <= maxX);
  const ticksY = Array.from({ length: 6 }, (_, i) => (maxY / 5) * i);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">
<text x="${width / 2}" y="14" text-anchor="middle" font-size="13">Credit lines: day-end of a statement date vs lines (PostgreSQL)</text>
<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#333"/>
<line x1="${left}" y1="20" x2="${left}" y2="${height - bottom}" stroke="#333"/>
${ticksX.map((t) => `<text x="${x(t)}" y="${height - bottom + 16}" text-anchor="middle">${t / 1000}k</text>`).join('\n')}
${ticksY.map((t) => `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t.toFixed(0)} s</text><line x1="${left}" y1="${y(t)}" x2="${width - 10}" y2="${y(t)}" stroke="#eee"/>`).join('\n')}
<line x1="${left}" y1="${y(target)}" x2="${width - 10}" y2="${y(target)}" stroke="#c62828" stroke-dasharray="6 4"/>
<text x="${width - 12}" y="${y(target) - 6}" text-anchor="end" fill="#c62828">target ${target} s at 100k</text>
<path d="${path((p) => p.seconds)}" fill="none" stroke="#1565c0" stroke-width="2"/>
<path d="${path((p) => p.plain)}" fill="none" stroke="#8e8e8e" stroke-width="1.5" stroke-dasharray="4 3"/>
${points.map((p) => `<circle cx="${x(p.lines)}" cy="${y(p.seconds)}" r="4" fill="#1565c0"/><text x="${x(p.lines) + 6}" y="${y(p.seconds) - 8}">${p.seconds.toFixed(1)} s</text>`).join('\n')}
<text x="${left + 10}" y="34" fill="#1565c0">statement date: every line cuts a statement</text>
<text x="${left + 10}" y="48" fill="#8e8e8e">the next (plain) day</text>
<text x="${(width + left) / 2}" y="${height - 6}" text-anchor="middle">credit lines</text>
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
  name: 'credit-lines',
  description:
    'statement-date day-end for 10k to 100k credit lines on PostgreSQL; statement cuts on one core',
  async run(log) {
    // The pure core: a line with three purchases taken through its statement date, one core.
    const terms = termsFor(DEFAULT_CREDIT_LINE_PRODUCT, {
      lineId: 'cl_B',
      customerId: 'cus_B',
      facilityId: 'fac_B',
      openedOn: OPENED,
      apr,
    });
    let state = initialLineState(terms);
    const events = purchasesOf(7).map((amount, i) => ({
      seq: i + 1,
      kind: 'purchase' as const,
      effectiveDate: OPENED,
      amount,
      purchaseId: `pur_${i}`,
      description: 'bench',
    }));
    for (const event of events) state = receiveLineEvent(terms, state, [], event).state;
    state = advanceLine(terms, state, EVE).state;
    const eve = state;
    const cuts = await throughput(() => advanceLine(terms, eve, STATEMENT_DAY), 2000);
    log(`statement cuts on one core (pure): ${cuts.toFixed(0)}/s`);

    const points: { lines: number; seconds: number; plain: number }[] = [];
    let soundAtLargest = false;
    for (const size of SIZES) {
      const db = await openSchema();
      try {
        const clock = new ManualClock('2026-02-03' as LocalDate);
        const ids = createIdGenerator(clock, seededRandomBytes(size));
        const seedStarted = performance.now();
        await seedCreditLines(
          db,
          { ...pgBooks(), clock, ids },
          {
            customers: size,
            openedOn: OPENED,
            through: EVE,
            limit: 2_000_000n as Money,
            apr,
            purchasesOf,
            convertEvery: 10,
            product: DEFAULT_CREDIT_LINE_PRODUCT,
            batchSize: 2000,
          },
        );
        log(`${size} lines ready (${((performance.now() - seedStarted) / 1000).toFixed(1)} s to seed)`);
        await db.exec('analyze');
        const batch = createDayEndService({
          db,
          clock,
          runs: createPgDayEndRunLog(),
          processors: [createCreditLineDayEndProcessor({ ...pgBooks(), clock, ids })],
          elapsed: () => performance.now(),
        });
        const started = performance.now();
        const report = await batch.run({ through: STATEMENT_DAY, chunkSize: 1000, concurrency: 4 });
        const seconds = (performance.now() - started) / 1000;
        const statements = await db.query<{ n: bigint }>(
          `select count(*) as n from credit_line_statements where statement_date = $1`,
          [STATEMENT_DAY],
        );
        const cut = Number(statements.rows[0]?.n ?? 0n);
        const items = report.dates.reduce((sum, d) => sum + d.items, 0);
        const plainStarted = performance.now();
        await batch.run({ through: NEXT_DAY, chunkSize: 1000, concurrency: 4 });
        const plain = (performance.now() - plainStarted) / 1000;
        log(
          `day-end ${STATEMENT_DAY}: ${items} lines, ${cut} statements in ${seconds.toFixed(1)} s (${(cut / seconds).toFixed(0)}/s); next day ${plain.toFixed(1)} s`,
        );
        if (cut !== size) throw new Error(`expected ${size} statements, got ${cut}`);
        points.push({ lines: size, seconds, plain });
        if (size === SIZES[SIZES.length - 1]) {
          const verification = await verifyLedger(db);
          soundAtLargest = verification.ok;
          log(
            `ledger after the runs: ${verification.journals} journals, ${verification.ok ? 'sound' : 'NOT SOUND'}`,
          );
        }
      } finally {
        await db.exec(`drop schema if exists ${SCHEMA} cascade`).catch(() => undefined);
        await db.close();
      }
    }
    mkdirSync(outDir, { recursive: true });
    const svg = plot(points, 60);
    writeFileSync(`${outDir}credit-lines-statement-day-growth.svg`, svg);
    log(`plot: ${outDir}credit-lines-statement-day-growth.svg`);
    const largest = points[points.length - 1];
    const first = points[0];
    const measurements: Measurement[] = [
      {
        metric: 'statement cuts, pure core, one core (3 purchases, 0.05 %/day)',
        unit: 'cuts/s',
        ours: cuts,
        higherIsBetter: true,
      },
    ];
    if (largest && first) {
      measurements.push({
        metric: `statement-date day-end, ${largest.lines.toLocaleString('en')} credit lines`,
        unit: 's',
        ours: largest.seconds,
        higherIsBetter: false,
        target: '≤ 60 s at 100,000',
        met: largest.lines >= 100_000 ? largest.seconds <= 60 : undefined,
        note: `growth ${points.map((p) => `${p.lines / 1000}k ${p.seconds.toFixed(1)} s`).join(', ')} (per line ${((first.seconds / first.lines) * 1e6).toFixed(0)}→${((largest.seconds / largest.lines) * 1e6).toFixed(0)} µs); next plain day ${points.map((p) => `${p.plain.toFixed(1)} s`).join(', ')}`,
      });
    }
    measurements.push({
      metric: 'ledger sound after the largest run',
      unit: 'ok',
      ours: soundAtLargest ? 1 : 0,
      higherIsBetter: true,
      target: 'every invariant',
      met: soundAtLargest,
    });
    return measurements;
  },
};

export default suite;
