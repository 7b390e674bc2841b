import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import { lineBalances, planBalances } from '../../../src/lending/credit-lines/line-books.ts';
import { findLine } from '../../../src/lending/credit-lines/credit-lines.pg.ts';
import { lineBalancesOf } from '../../../src/lending/credit-lines/line-servicing.ts';
import type { ContractBalances } from '../../../src/ledger/journal.ts';
import type { Money } from '../../../src/platform/money/money.ts';
import { addDays, type LocalDate } from '../../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { statementsAgainstLedger } from './ledger-check.ts';
import { lineWorld, snapshotLineRows } from './support.ts';

/**
 * Random months of several customers' lines through the services, the batch running every night: every
 * statement's closing balance equals what the ledger says was owed at the cut, the books equal the state,
 * the limit in use equals principal owed, refused commands write nothing, and the ledger verifies.
 */

type Op =
  | { kind: 'purchase'; customer: number; amount: number }
  | { kind: 'pay'; customer: number; share: number }
  | { kind: 'refund'; customer: number; share: number; pick: number }
  | { kind: 'convert'; customer: number; term: 3 | 6 | 9 | 12; fromPurchase: boolean }
  | { kind: 'payout'; customer: number; share: number }
  | { kind: 'over-limit'; customer: number };

const CUSTOMERS = 3;
const customer = fc.integer({ min: 0, max: CUSTOMERS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('purchase' as const),
      customer,
      amount: fc.integer({ min: 1, max: 600_000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      customer,
      share: fc.integer({ min: 5, max: 120 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      customer,
      share: fc.integer({ min: 1, max: 100 }),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('payout' as const),
      customer,
      share: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('convert' as const),
      customer,
      term: fc.constantFrom(3 as const, 6 as const, 9 as const, 12 as const),
      fromPurchase: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('over-limit' as const), customer }) },
);
/** Days with something happening (day offset from the start, up to ~9 months) and what happens. */
const history = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 270 }), fc.array(op, { minLength: 1, maxLength: 3 })),
  {
    minLength: 5,
    maxLength: 25,
  },
);

describe.each(storesUnderTest())('statements equal the ledger over random histories ($name)', (store) => {
  it('holds for every statement, contract and facility, and refused commands write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 1, max: 31 }), async (days, statementDay) => {
        const start = '2026-03-03';
        const world = await lineWorld(store, { start, product: { due: { daysAfterStatement: 20 } } });
        const lines: { customerId: string; lineId: string; purchases: { id: string; left: bigint }[] }[] = [];
        for (let i = 0; i < CUSTOMERS; i += 1) {
          lines.push({ ...(await world.customerWithLine(1_000_000n, { statementDay })), purchases: [] });
        }
        const plan = new Map<number, Op[]>();
        for (const [day, ops] of days) plan.set(day, [...(plan.get(day) ?? []), ...ops]);
        let key = 0;
        for (const day of [...plan.keys()].sort((a, b) => a - b)) {
          world.today(addDays(start as LocalDate, day));
          await world.nightly();
          for (const o of plan.get(day) ?? []) {
            const line = lines[o.customer];
            if (!line) continue;
            key += 1;
            const view = await world.lines.getLine(line.lineId);
            if (o.kind === 'purchase') {
              const result = await world.lines.purchase({
                lineId: line.lineId,
                amount: BigInt(o.amount) as Money,
                description: 'shop',
                idempotencyKey: `k${key}`,
              });
              if (result.outcome === 'made')
                line.purchases.push({ id: result.receipt.purchaseId, left: BigInt(o.amount) });
            } else if (o.kind === 'pay') {
              const amount = (view.balances.payoff * BigInt(o.share)) / 100n;
              if (amount > 0n)
                await world.lines.pay({
                  lineId: line.lineId,
                  amount: amount as Money,
                  idempotencyKey: `k${key}`,
                });
            } else if (o.kind === 'refund') {
              // Any purchase with something left, converted ones included (their refund goes to the plan).
              const open = line.purchases.filter((p) => p.left > 0n);
              const target = open[o.pick % Math.max(open.length, 1)];
              if (target) {
                const amount = (target.left * BigInt(o.share) + 99n) / 100n;
                target.left -= amount;
                await world.lines.refund({
                  lineId: line.lineId,
                  purchaseId: target.id,
                  amount: amount as Money,
                  idempotencyKey: `k${key}`,
                });
              }
            } else if (o.kind === 'payout') {
              const held = view.balances.heldForCustomer;
              if (held > 0n) {
                const amount = o.share === 100 ? undefined : (((held * BigInt(o.share)) / 100n) as Money);
                if (amount === undefined || amount > 0n)
                  await world.lines.payout({
                    lineId: line.lineId,
                    ...(amount === undefined ? {} : { amount }),
                    idempotencyKey: `k${key}`,
                  });
              }
            } else if (o.kind === 'convert' && o.fromPurchase) {
              const latest = line.purchases.at(-1);
              if (latest && latest.left >= 50_000n) {
                await world.lines
                  .convert({
                    lineId: line.lineId,
                    source: { purchaseId: latest.id },
                    term: o.term,
                    idempotencyKey: `k${key}`,
                  })
                  .catch((error: unknown) => {
                    // Billed, paid or partly refunded already, or converted before: refused.
                    if (!(error instanceof Error) || !/billed|whole|smallest/.test(error.message))
                      throw error;
                  });
              }
            } else if (o.kind === 'convert') {
              const open = view.openStatements.find(
                (s) => s.dueDate >= world.clock.today() && s.owed >= 50_000n,
              );
              if (open) {
                await world.lines
                  .convert({
                    lineId: line.lineId,
                    source: { statementSeq: open.seq },
                    term: o.term,
                    idempotencyKey: `k${key}`,
                  })
                  .catch((error: unknown) => {
                    // Only interest or instalments left on it (no revolving principal ≥ the minimum): refused.
                    if (!(error instanceof Error) || !/convert|smallest|nothing/.test(error.message))
                      throw error;
                  });
              }
            } else {
              const before = await snapshotLineRows(world.db);
              const result = await world.lines.purchase({
                lineId: line.lineId,
                amount: (view.facility.available + view.balances.heldForCustomer + 1n) as Money,
                description: 'too much',
                idempotencyKey: `k${key}`,
              });
              expect(result.outcome).toBe('declined');
              expect(await snapshotLineRows(world.db)).toBe(before);
            }
          }
        }
        world.today(addDays(start as LocalDate, 300));
        await world.nightly();
        for (const line of lines) {
          const statements = await world.lines.statements(line.lineId);
          expect(await statementsAgainstLedger(world.db, line.customerId, line.lineId, statements)).toEqual(
            [],
          );
          const record = await findLine(world.db, line.customerId, line.lineId);
          if (!record) throw new Error('line vanished');
          const nonZero = (b: ContractBalances) =>
            Object.fromEntries(Object.entries(b).filter(([, v]) => v !== 0n));
          expect(await contractBalances(world.db, line.customerId, line.lineId)).toEqual(
            nonZero(lineBalances(record.state.counters)),
          );
          for (const p of record.state.plans) {
            expect(await contractBalances(world.db, line.customerId, p.planId)).toEqual(
              nonZero(planBalances(p.counters)),
            );
          }
          const facility = await world.facilities.getFacility(line.customerId, 'credit-line');
          expect(facility?.used).toBe(lineBalancesOf(record.state).principalOwed);
        }
        expect((await verifyLedger(world.db)).ok).toBe(true);
      }),
      { numRuns: 3, seed: 7 },
    );
    // Three random year-long histories through the real services: about 40 s alone, 130 s on a shared machine.
  }, 240_000);
});
