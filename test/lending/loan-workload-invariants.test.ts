import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { availableCredit } from '../../src/lending/facilities/facility.ts';
import { loanBalances } from '../../src/lending/loans/loan-books.ts';
import { listLoans } from '../../src/lending/loans/loans.pg.ts';
import type { RepaymentIntent } from '../../src/lending/loans/loan-state.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { addDays, type LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld, snapshotRows, type LendingWorld } from './support.ts';

type Op =
  | { kind: 'drawdown'; customer: number; amount: bigint; term: 3 | 6 | 12; reuseKey: boolean }
  | { kind: 'repay'; loan: number; amount: bigint; intent: RepaymentIntent; back: number; reuseKey: boolean }
  | { kind: 'days'; days: number }
  | { kind: 'write-off'; loan: number }
  | { kind: 'payout'; loan: number; amount: bigint | null }
  | { kind: 'invalid'; which: 'negative' | 'future' | 'unknown-loan' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('drawdown' as const),
    customer: fc.integer({ min: 0, max: 1 }),
    amount: fc.bigInt({ min: 10_000n, max: 1_200_000n }),
    term: fc.constantFrom(3 as const, 6 as const, 12 as const),
    reuseKey: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('repay' as const),
    loan: fc.nat(),
    amount: fc.bigInt({ min: 1n, max: 400_000n }),
    intent: fc.constantFrom<RepaymentIntent>('scheduled', 'prepayment'),
    back: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 })),
    reuseKey: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ kind: fc.constant('write-off' as const), loan: fc.nat() }),
  fc.record({
    kind: fc.constant('payout' as const),
    loan: fc.nat(),
    amount: fc.option(fc.bigInt({ min: 1n, max: 100_000n }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('invalid' as const),
    which: fc.constantFrom('negative' as const, 'future' as const, 'unknown-loan' as const),
  }),
);

/** Every invariant, read back from the database. */
async function checkInvariants(world: LendingWorld, customers: readonly string[]): Promise<void> {
  const verification = await verifyLedger(world.db);
  expect(verification).toMatchObject({
    ok: true,
    unbalancedJournals: [],
    cacheMismatches: [],
    negativeBalances: [],
  });
  expect(verification.totalDebits).toBe(verification.totalCredits);
  for (const customerId of customers) {
    const loans = await listLoans(world.db, customerId);
    let used = 0n;
    for (const loan of loans) {
      const books = await contractBalances(world.db, customerId, loan.contract.loanId);
      const expected = Object.fromEntries(
        Object.entries(loanBalances(loan.state.counters)).filter(([, v]) => v !== 0n),
      );
      expect(books).toEqual(expected);
      used += loan.state.counters.disbursed - loan.state.counters.principalRepaid;
    }
    const facility = await world.facilities.getFacility(customerId, 'cash-loan');
    expect(facility?.used).toBe(used);
    expect(facility && facility.used <= facility.limit).toBe(true);
    expect(facility && availableCredit(facility) >= 0n).toBe(true);
  }
}

describe.each(storesUnderTest())(
  'random workloads keep every invariant after every operation ($name)',
  (store) => {
    it('drawdowns, repayments (back-dated too), day-ends, write-offs, payouts, repeats and refusals', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 22 }), async (ops) => {
          run += 1;
          const world = await lendingWorld(store, {
            start: '2027-12-20',
            seed: run,
            product: { basis: run % 2 ? 'daily' : 'monthly' },
          });
          const customers = [
            await world.customerWithLimit(1_500_000n),
            await world.customerWithLimit(800_000n, '0.24'),
          ];
          const loans: string[] = [];
          const keys: { key: string; body: Op }[] = [];
          let today = '2027-12-20' as LocalDate;
          for (const [index, o] of ops.entries()) {
            const before = await snapshotRows(world.db);
            const postingsBefore =
              (await world.db.query<{ n: bigint }>('select count(*) as n from ledger_postings')).rows[0]?.n ??
              0n;
            let refused = false;
            try {
              if (o.kind === 'drawdown') {
                const previous = keys.find((k) => k.body.kind === 'drawdown');
                const key = o.reuseKey && previous ? previous.key : `d${index}`;
                const result = await world.loans.drawdown({
                  customerId: customers[o.customer] as string,
                  amount: o.amount as Money,
                  term: o.term,
                  method: index % 3 === 0 ? 'equal-principal' : 'equal-installment',
                  idempotencyKey: key,
                });
                if (result.outcome === 'declined') refused = true;
                else {
                  if (!result.replayed) loans.push(result.receipt.loanId);
                  keys.push({ key, body: o });
                }
              } else if (o.kind === 'repay' && loans.length > 0) {
                const loanId = loans[o.loan % loans.length] as string;
                const previous = keys.find((k) => k.body.kind === 'repay');
                const key = o.reuseKey && previous ? previous.key : `r${index}`;
                const view = await world.loans.getLoan(loanId);
                const back = addDays(today, -o.back);
                const effectiveDate = back < view.contract.startDate ? view.contract.startDate : back;
                await world.loans.repay({
                  loanId,
                  amount: o.amount as Money,
                  intent: o.intent,
                  effectiveDate,
                  idempotencyKey: key,
                });
                keys.push({ key, body: o });
              } else if (o.kind === 'days') {
                today = addDays(today, o.days);
                world.today(today);
                await world.nightly();
              } else if (o.kind === 'write-off' && loans.length > 0) {
                await world.loans.writeOff({
                  loanId: loans[o.loan % loans.length] as string,
                  idempotencyKey: `w${index}`,
                });
              } else if (o.kind === 'payout' && loans.length > 0) {
                // All held (null) or a part: more than is held is refused and leaves every row as it was.
                const { receipt } = await world.loans.payout({
                  loanId: loans[o.loan % loans.length] as string,
                  ...(o.amount === null ? {} : { amount: o.amount as Money }),
                  idempotencyKey: `p${index}`,
                });
                expect(receipt.amount > 0n && receipt.amount <= receipt.heldBefore).toBe(true);
                expect(receipt.outstanding.overpayment).toBe(receipt.heldBefore - receipt.amount);
              } else if (o.kind === 'invalid') {
                if (o.which === 'negative') {
                  await world.loans.drawdown({
                    customerId: customers[0] as string,
                    amount: -5n as Money,
                    term: 3,
                    method: 'equal-installment',
                    idempotencyKey: `i${index}`,
                  });
                } else if (o.which === 'future' && loans.length > 0) {
                  await world.loans.repay({
                    loanId: loans[0] as string,
                    amount: 100n as Money,
                    intent: 'scheduled',
                    effectiveDate: addDays(today, 1),
                    idempotencyKey: `i${index}`,
                  });
                } else {
                  await world.loans.repay({
                    loanId: 'ln_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
                    amount: 100n as Money,
                    intent: 'scheduled',
                    idempotencyKey: `i${index}`,
                  });
                }
                throw new Error('an invalid command was accepted');
              }
            } catch (error) {
              if (!isAppError(error)) throw error;
              refused = true;
            }
            if (refused) {
              // A refused command (declined, invalid, idempotency mismatch, not active) leaves every row as it was.
              expect(await snapshotRows(world.db)).toBe(before);
            } else {
              const postingsAfter =
                (await world.db.query<{ n: bigint }>('select count(*) as n from ledger_postings')).rows[0]
                  ?.n ?? 0n;
              expect(postingsAfter >= postingsBefore).toBe(true);
            }
            await checkInvariants(world, customers);
          }
        }),
        { numRuns: 5 },
      );
    });
  },
);
