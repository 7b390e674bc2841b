import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { loanBalances } from '../../src/lending/loans/loan-books.ts';
import { listLoans } from '../../src/lending/loans/loans.pg.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { postgresStore } from '../support/stores.ts';
import { lendingWorld } from './support.ts';

const url = process.env.DATABASE_URL;

/**
 * 64 concurrent drawdowns and repayments against one customer's limit while the day-end batch runs over
 * the whole book, on PostgreSQL (PGlite runs one transaction at a time, so it cannot race). No drawdown may
 * take the customer over the limit and no update may be lost.
 */
describe.skipIf(!url)(
  '64 concurrent drawdowns and repayments on one limit while the day-end runs (postgres)',
  () => {
    it('never draws over the limit, loses no repayment and keeps the books sound', async () => {
      const world = await lendingWorld(postgresStore(url as string), { start: '2026-03-01', poolSize: 40 });
      const limit = 5_000_000n; // ¥50,000
      const customerId = await world.customerWithLimit(limit);
      // Existing loans of this customer to repay, and a book of other customers for the batch to chew on.
      const existing: string[] = [];
      for (let index = 0; index < 4; index += 1) {
        const drawn = await world.loans.drawdown({
          customerId,
          amount: 500_000n as Money,
          term: 6,
          method: 'equal-installment',
          idempotencyKey: `seed-${index}`,
        });
        if (drawn.outcome === 'drawn') existing.push(drawn.receipt.loanId);
      }
      for (let index = 0; index < 150; index += 1) {
        const other = await world.customerWithLimit(300_000n);
        await world.loans.drawdown({
          customerId: other,
          amount: 200_000n as Money,
          term: 3,
          method: 'equal-principal',
          idempotencyKey: 'x',
        });
      }
      world.today('2026-03-20');
      const available = limit - 2_000_000n;

      const drawdowns = Array.from({ length: 40 }, (_, index) =>
        world.loans
          .drawdown({
            customerId,
            amount: 120_000n as Money,
            term: 3,
            method: 'interest-first',
            idempotencyKey: `race-d-${index}`,
          })
          .then((result): bigint => (result.outcome === 'drawn' ? 120_000n : 0n)),
      );
      const repayments = Array.from({ length: 24 }, (_, index) =>
        world.loans
          .repay({
            loanId: existing[index % existing.length] as string,
            amount: 20_000n as Money,
            intent: index % 2 ? 'prepayment' : 'scheduled',
            idempotencyKey: `race-r-${index}`,
          })
          .then((): bigint => 20_000n),
      );
      const batch = world.dayEnd.run({ through: '2026-03-19' as LocalDate, chunkSize: 25, concurrency: 4 });
      const settled = await Promise.allSettled([...drawdowns, ...repayments, batch]);
      const failures = settled
        .filter((s) => s.status === 'rejected')
        .map((s) => (s as PromiseRejectedResult).reason);
      expect(failures.filter((error) => !isAppError(error))).toEqual([]);
      expect(failures).toEqual([]);

      const drawn = (await Promise.all(drawdowns)).reduce((a, b) => a + b, 0n);
      const repaidCash = (await Promise.all(repayments)).reduce((a, b) => a + b, 0n);
      const loans = await listLoans(world.db, customerId);
      const principalRepaid = loans.reduce((sum, loan) => sum + loan.state.counters.principalRepaid, 0n);
      // Repayments can restore credit mid-race, so the bound is the limit plus what was repaid meanwhile.
      expect(drawn).toBeLessThanOrEqual(available + principalRepaid);
      expect(drawn).toBeGreaterThanOrEqual(available - 120_000n);
      const facility = await world.facilities.getFacility(customerId, 'cash-loan');
      const outstanding = loans.reduce(
        (sum, loan) => sum + loan.state.counters.disbursed - loan.state.counters.principalRepaid,
        0n,
      );
      expect(facility?.used).toBe(outstanding);
      expect(facility && facility.used <= facility.limit).toBe(true);
      // No lost update: every repayment is in the loans' cash and in the books.
      const cash = loans.reduce((sum, loan) => sum + loan.state.counters.cashReceived, 0n);
      expect(cash).toBe(repaidCash);
      for (const loan of loans) {
        const books = await contractBalances(world.db, customerId, loan.contract.loanId);
        expect(books).toEqual(
          Object.fromEntries(Object.entries(loanBalances(loan.state.counters)).filter(([, v]) => v !== 0n)),
        );
      }
      const behind = await world.db.query<{ n: bigint }>(
        `select count(*) as n from loans where status = 'active' and processed_through < '2026-03-19'`,
      );
      expect(behind.rows[0]?.n).toBe(0n);
      expect((await verifyLedger(world.db)).ok).toBe(true);
    });
  },
);
