import { describe, expect, it } from 'vitest';
import { ledgerTotalsByKind, verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { createCreditLineDayEndProcessor } from '../../../src/lending/credit-lines/credit-line-day-end.ts';
import { findLine } from '../../../src/lending/credit-lines/credit-lines.pg.ts';
import { lineBalancesOf } from '../../../src/lending/credit-lines/line-servicing.ts';
import { createPgDayEndRunLog } from '../../../src/lending/eod/day-end-runs.pg.ts';
import { createDayEndService } from '../../../src/lending/eod/day-end.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { crashingIn } from '../crashing-processor.ts';
import { lineWorld, type LineWorld } from './support.ts';
import { pgBooks } from '../../support/books.ts';

/** Fifteen lines with spending in January and nothing paid: statements, due dates missed, interest, suspension. */
async function seed(world: LineWorld): Promise<{ customerId: string; lineId: string }[]> {
  const lines = [];
  for (let i = 0; i < 15; i += 1) {
    const line = await world.customerWithLine(1_000_000n, { statementDay: 1 + (i % 28) });
    await world.lines.purchase({
      lineId: line.lineId,
      amount: BigInt(10_000 + i * 7_919) as Money,
      description: 'shop',
      idempotencyKey: `p${i}`,
    });
    lines.push(line);
  }
  return lines;
}

/** What the books and lines say, without ids: comparable across runs. */
async function figures(
  world: LineWorld,
  lines: readonly { customerId: string; lineId: string }[],
): Promise<unknown> {
  const perLine = [];
  for (const line of lines) {
    const record = await findLine(world.db, line.customerId, line.lineId);
    const statements = await world.lines.statements(line.lineId);
    const facility = await world.facilities.getFacility(line.customerId, 'credit-line');
    perLine.push({
      through: record?.state.processedThrough,
      counters: record?.state.counters,
      statements: statements.map((s) => [s.statementDate, s.closingBalance, s.minimumPayment, s.interest]),
      status: facility?.status,
    });
  }
  return { totals: await ledgerTotalsByKind(world.db), perLine };
}

describe.each(storesUnderTest())('credit-line day-end batch ($name)', (store) => {
  it('after a crash mid-run, the rerun books what one clean run books; skipped dates are caught up in order', async () => {
    const start = '2026-01-03';
    const product = { due: { daysAfterStatement: 20 } };
    const clean = await lineWorld(store, { start, seed: 5, product });
    const crashed = await lineWorld(store, { start, seed: 5, product });
    const cleanLines = await seed(clean);
    const crashedLines = await seed(crashed);

    // Clean: every night. Crashed: skips to 31 March, crashes in its 40th chunk, then runs again.
    for (let date = '2026-01-04'; date <= '2026-04-01';) {
      clean.today(date);
      await clean.nightly();
      const next = new Date(`${date}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      date = next.toISOString().slice(0, 10);
    }
    crashed.today('2026-04-01');
    const processor = createCreditLineDayEndProcessor({
      ...pgBooks(),
      clock: crashed.clock,
      ids: crashed.ids,
    });
    const failing = createDayEndService({
      db: crashed.db,
      clock: crashed.clock,
      runs: createPgDayEndRunLog(),
      processors: [crashingIn(processor, 40, 'simulated crash')],
      elapsed: () => 0,
    });
    await expect(failing.run({ through: '2026-03-31' as LocalDate, chunkSize: 4 })).rejects.toThrow(
      'simulated crash',
    );
    const report = await crashed.dayEnd.run({ through: '2026-03-31' as LocalDate, chunkSize: 4 });
    // 15 lines in chunks of 4 is 4 chunks a date: the crash in chunk 40 is 13 Jan's last. 4–12 Jan completed
    // (and 13 Jan's first three chunks); the rerun resumes at 13 Jan and goes on in order to 31 March.
    const dates = report.dates.filter((d) => d.product === 'credit-line').map((d) => d.date);
    expect(dates[0]).toBe('2026-01-13');
    expect(dates[dates.length - 1]).toBe('2026-03-31');
    expect(dates).toHaveLength(78);
    expect(report.dates[0]?.items).toBe(3);

    expect(await figures(crashed, crashedLines)).toEqual(await figures(clean, cleanLines));
    // A line unpaid since January is suspended (more than 30 days past due); the books verify.
    const view = await crashed.lines.getLine(crashedLines[0]?.lineId ?? '');
    expect(view.daysPastDue).toBeGreaterThan(30);
    expect(view.facility.status).toBe('suspended');
    expect((await verifyLedger(crashed.db)).ok).toBe(true);
    // Twice is once.
    const again = await crashed.dayEnd.run({ through: '2026-03-31' as LocalDate });
    expect(again.upToDate).toBe(true);
  });
});

const postgres = storesUnderTest().filter((s) => s.name === 'postgres');

describe.each(postgres)('concurrent purchases and payments during the day-end ($name)', (store) => {
  it('never lets used pass the limit, books every fen once, and deadlocks nowhere', async () => {
    const world = await lineWorld(store, { start: '2026-01-03', poolSize: 12 });
    const busy = await world.customerWithLine(200_000n);
    const others = [];
    for (let i = 0; i < 40; i += 1) {
      const line = await world.customerWithLine(500_000n);
      await world.lines.purchase({
        lineId: line.lineId,
        amount: 30_000n as Money,
        description: 'shop',
        idempotencyKey: `o${i}`,
      });
      others.push(line);
    }
    world.today('2026-03-15');
    const batch = world.dayEnd.run({ through: '2026-03-14' as LocalDate, chunkSize: 5, concurrency: 4 });
    const purchases = Array.from({ length: 32 }, (_, i) =>
      world.lines.purchase({
        lineId: busy.lineId,
        amount: 10_000n as Money,
        description: 'rush',
        idempotencyKey: `b${i}`,
      }),
    );
    const payments = others
      .slice(0, 20)
      .map((line, i) =>
        world.lines.pay({ lineId: line.lineId, amount: 5_000n as Money, idempotencyKey: `pay${i}` }),
      );
    const [made] = await Promise.all([Promise.all(purchases), Promise.all(payments), batch]);
    expect(made.filter((r) => r.outcome === 'made')).toHaveLength(20);
    expect(made.filter((r) => r.outcome === 'declined')).toHaveLength(12);
    const facility = await world.facilities.getFacility(busy.customerId, 'credit-line');
    expect(facility?.used).toBe(200_000n);
    for (const line of [busy, ...others]) {
      const record = await findLine(world.db, line.customerId, line.lineId);
      const f = await world.facilities.getFacility(line.customerId, 'credit-line');
      expect(record && lineBalancesOf(record.state).principalOwed).toBe(f?.used);
      expect(record?.state.processedThrough).toBe(
        line === busy ? '2026-03-15' : record?.state.processedThrough,
      );
    }
    expect((await verifyLedger(world.db)).ok).toBe(true);
  });
});
