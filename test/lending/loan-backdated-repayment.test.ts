import { describe, expect, it } from 'vitest';
import { contractBalances, verifyLedger } from '../../src/ledger/ledger.pg.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';

/**
 * The golden loan (¥10,000, 18% monthly basis, 12 equal instalments from 2026-01-15). The first instalment
 * (¥916.80, due 2026-02-15) is paid at the bank on the due date but the payment reaches the lender on
 * 2026-02-26, after ten nights of penalty: 1.5 × 18 % = 27 % is above the 24 % cap (issue 15; this test pinned
 * 567 fen at 27 % before), so 76,680 fen × 0.24 / 365 × 10 = 504.19 → 504 fen (down at the cap).
 */
describe.each(storesUnderTest())('a back-dated repayment restates the books ($name)', (store) => {
  it('reverses the penalty that should never have accrued, and the books equal on-time processing', async () => {
    const late = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const onTime = await lendingWorld(store, { start: '2026-01-15', product: { basis: 'monthly' } });
    const loanIds: string[] = [];
    for (const world of [late, onTime]) {
      const customerId = await world.customerWithLimit(1_000_000n);
      const drawn = await world.loans.drawdown({
        customerId,
        amount: 1_000_000n as Money,
        term: 12,
        method: 'equal-installment',
        idempotencyKey: 'd',
      });
      if (drawn.outcome !== 'drawn') throw new Error('declined');
      loanIds.push(drawn.receipt.loanId);
    }
    const [lateLoan, onTimeLoan] = loanIds as [string, string];

    onTime.today('2026-02-15');
    await onTime.nightly();
    await onTime.loans.repay({
      loanId: onTimeLoan,
      amount: 91_680n as Money,
      intent: 'scheduled',
      idempotencyKey: 'p1',
    });
    onTime.today('2026-02-26');
    await onTime.nightly();

    late.today('2026-02-26');
    await late.nightly();
    expect((await late.loans.getLoan(lateLoan)).outstanding.penalty).toBe(504n);
    expect((await late.loans.getLoan(lateLoan)).daysPastDue).toBe(10);
    const result = await late.loans.repay({
      loanId: lateLoan,
      amount: 91_680n as Money,
      intent: 'scheduled',
      effectiveDate: '2026-02-15' as never,
      idempotencyKey: 'p1',
    });
    expect(result.receipt.restated).toBe(true);
    expect(result.receipt.accrualChange).toEqual({ interest: 0n, penalty: -504n });
    expect(result.receipt.allocation).toMatchObject({
      principal: 76_680n,
      interest: 15_000n,
      penalty: 0n,
      held: 0n,
    });
    const statement = await late.loans.statement(lateLoan);
    const restatement = statement.entries.find((entry) => entry.kind === 'restatement');
    expect(restatement?.lines).toContainEqual({ kind: 'penalty_income', side: 'D', amount: 504n });
    expect(restatement?.lines).toContainEqual({ kind: 'funding', side: 'D', amount: 91_680n });

    const lateView = await late.loans.getLoan(lateLoan);
    const onTimeView = await onTime.loans.getLoan(onTimeLoan);
    expect(lateView.outstanding).toEqual(onTimeView.outstanding);
    expect(lateView.daysPastDue).toBe(0);
    const lateBooks = await contractBalances(late.db, lateView.contract.customerId, lateLoan);
    const onTimeBooks = await contractBalances(onTime.db, onTimeView.contract.customerId, onTimeLoan);
    expect(lateBooks).toEqual(onTimeBooks);
    expect((await verifyLedger(late.db)).ok).toBe(true);
  });
});
