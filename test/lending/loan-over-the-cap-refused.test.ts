import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { rate, toExactRateString } from '../../src/platform/money/rate.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';

/**
 * Issue 15, item 1 on the database: a drawdown whose fee takes the all-in cost above the 24 % cap is refused
 * naming the field and the rule, and writes nothing; a lawful one records the cap in its contract, and the
 * day-end holds a 21.9 % loan's penalty to the cap (the worked example: 30 days overdue).
 */
describe.each(storesUnderTest())('all-in cost cap on drawdowns and the day-end ($name)', (store) => {
  it('refuses a 21.9 % loan with a 2 % upfront fee (upfrontFee / all-in-cost-cap) and writes nothing', async () => {
    const world = await lendingWorld(store, {
      start: '2026-01-15',
      product: { upfrontFeeRate: rate(2n, 100n) },
    });
    const customerId = await world.customerWithLimit(2_000_000n, '0.219');
    const refusal = await world.loans
      .drawdown({
        customerId,
        amount: 1_000_000n as Money,
        term: 12,
        method: 'equal-installment',
        idempotencyKey: 'd',
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isAppError(refusal)).toBe(true);
    if (!isAppError(refusal)) return;
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.issues).toEqual([
      {
        field: 'upfrontFee',
        rule: 'all-in-cost-cap',
        message:
          'a loan of 10000.00 with an upfront fee of 200.00: its all-in annualised cost (interest and fees, by IRR) is above the legal cap of 24.00% (in force since 2020-08-20)',
      },
    ]);
    const written = await world.db.query<{ n: bigint }>(
      'select (select count(*) from loans) + (select count(*) from ledger_journals) as n',
    );
    expect(written.rows[0]?.n).toBe(0n);
  });

  it('records the cap in a lawful contract and accrues 14.77 (24 %) on a 30-day overdue instalment, not 20.22 (32.85 %)', async () => {
    const world = await lendingWorld(store, { start: '2026-01-15' });
    const customerId = await world.customerWithLimit(2_000_000n, '0.219');
    const drawn = await world.loans.drawdown({
      customerId,
      amount: 1_000_000n as Money,
      term: 12,
      method: 'equal-installment',
      idempotencyKey: 'd',
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    const loanId = drawn.receipt.loanId;
    world.today('2026-03-18');
    await world.nightly(); // through 2026-03-17: instalment 1 (due 2026-02-15) is 30 days overdue
    const loan = await world.loans.getLoan(loanId);
    expect(toExactRateString(loan.contract.costCap ?? rate(0n))).toBe('0.24');
    expect(loan.daysPastDue).toBe(30);
    expect(loan.instalments[0]?.principal).toBe(74_902n);
    // 74,902 × 0.24 × 30 / 365 = 1,477.51 → 1,477 (at 1.5 × 21.9 % = 32.85 % it was 2,022.35 → 2,022).
    expect(loan.instalments[0]?.penalty).toBe(1_477n);
    // Instalment 2 (due 2026-03-15) is 2 days overdue: its principal × 0.24 × 2 / 365, rounded down.
    const second = loan.instalments[1];
    expect(second?.penalty).toBe(((second?.principal ?? 0n) * 24n * 2n) / 36_500n);
    expect(second?.penalty).toBe(102n);
    expect(loan.outstanding.penalty).toBe(1_579n);
  });
});
