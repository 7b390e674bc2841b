import { describe, expect, it } from 'vitest';
import { verifyLedger, contractBalances, ledgerTotalsByKind } from '../../src/ledger/ledger.pg.ts';
import type { Money } from '../../src/platform/money/money.ts';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';

/**
 * The golden loan on the database: ¥10,000 at 18% (1.5% a month, monthly basis), 12 equal instalments,
 * drawn 2026-01-15, each instalment paid on its due date. Every figure is the golden schedule's.
 */
const GOLDEN_INTEREST = [
  15_000n,
  13_850n,
  12_682n,
  11_497n,
  10_295n,
  9_074n,
  7_835n,
  6_577n,
  5_301n,
  4_005n,
  2_690n,
  1_355n,
];

describe.each(storesUnderTest())('golden equal-instalment loan, paid on time ($name)', (store) => {
  it('bills 91,680 fen eleven times and 91,681 last, books 1,001.61 of interest and closes with every account at zero', async () => {
    const world = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const customerId = await world.customerWithLimit(2_000_000n);
    const drawn = await world.loans.drawdown({
      customerId,
      amount: 1_000_000n as Money,
      term: 12,
      method: 'equal-installment',
      idempotencyKey: 'draw-1',
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    const loanId = drawn.receipt.loanId;
    expect(drawn.receipt.schedule.lines.map((l) => l.payment)).toEqual([...Array(11).fill(91_680n), 91_681n]);
    expect(drawn.receipt.availableAfter).toBe(1_000_000n);

    for (const [index, due] of drawn.receipt.contract.dueDates.entries()) {
      world.today(due);
      await world.nightly();
      const payment = index === 11 ? 91_681n : 91_680n;
      const result = await world.loans.repay({
        loanId,
        amount: payment as Money,
        intent: 'scheduled',
        idempotencyKey: `pay-${index}`,
      });
      expect(result.receipt.allocation.interest).toBe(GOLDEN_INTEREST[index]);
      expect(result.receipt.allocation.principal).toBe(payment - (GOLDEN_INTEREST[index] ?? 0n));
      expect(result.receipt.allocation.held).toBe(0n);
    }
    const view = await world.loans.getLoan(loanId);
    expect(view.status).toBe('closed');
    expect(view.closedOn).toBe('2027-01-15');
    expect(view.instalments.every((i) => i.status === 'paid')).toBe(true);
    expect(await contractBalances(world.db, customerId, loanId)).toEqual({
      interest_income: 100_161n,
      funding: 100_161n,
    });
    const facility = await world.facilities.getFacility(customerId, 'cash-loan');
    expect(facility?.used).toBe(0n);

    // The day-end after closing books nothing more, and running it twice changes nothing.
    world.today('2027-03-01');
    await world.nightly();
    const before = await verifyLedger(world.db);
    const again = await world.dayEnd.run({ through: '2027-02-28' as LocalDate });
    expect(again.upToDate).toBe(true);
    const after = await verifyLedger(world.db);
    expect(after).toEqual(before);
    expect(after.ok).toBe(true);
    expect((await ledgerTotalsByKind(world.db)).interest_income).toBe(100_161n);

    // Statement of account: opening zero, 12 repayments, closing as the books.
    const statement = await world.loans.statement(loanId);
    expect(statement.entries.filter((e) => e.kind === 'repayment')).toHaveLength(12);
    expect(statement.closing).toMatchObject({
      interest_income: 100_161n,
      funding: 100_161n,
      principal_receivable: 0n,
    });
  });
});
