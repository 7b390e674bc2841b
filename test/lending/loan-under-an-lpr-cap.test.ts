import { describe, expect, it } from 'vitest';
import { termsInForceOf, type TermsInForcePort } from '../../src/lending/facilities/facility-terms-guard.ts';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import type { Money } from '../../src/platform/money/money.ts';
import { rate, toExactRateString } from '../../src/platform/money/rate.ts';
import { parseLendingSettings } from '../../src/policy/index.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld } from './support.ts';

/**
 * Issue 15, item 1 on the database: under a legal cap of 4 × the one-year LPR, a drawdown is held to the
 * cap resolved on its own date — 4 × 3.10 % = 12.40 % on 2025-05-19, 4 × 3.00 % = 12.00 % from 2025-05-20 —
 * and the day-end holds the loan's penalty to the figure its contract recorded.
 */
const settings = parseLendingSettings({
  products: [
    {
      code: 'cash_loan',
      type: 'cash_loan',
      name: { zh: 'cash_loan', en: 'cash_loan' },
      effectiveFrom: '2000-01-01',
      minLimit: '1',
      maxLimit: '100000000',
      minApr: '0',
      maxApr: '0.12',
      terms: [3, 6, 12],
      firstLimitCap: '100000000',
      requiredVerificationLevel: 0,
      minAge: 18,
      maxAge: 100,
    },
  ],
  legalRateCaps: [
    { effectiveFrom: '2020-08-20', annualRate: '0.24', basis: 'fixed 24 %' },
    { effectiveFrom: '2025-01-01', lprMultiple: '4', basis: '4 × the one-year LPR' },
  ],
});
const fourTimesLpr: TermsInForcePort = async (type, date) => termsInForceOf(settings, type, date);

describe.each(storesUnderTest())('drawdowns under a cap of 4 × the one-year LPR ($name)', (store) => {
  it('draws an 11.9 % loan with a 0.2 % fee on 2025-05-19 (cap 12.40 %), and refuses it on 2025-05-20 (12.00 %)', async () => {
    const world = await lendingWorld(store, {
      start: '2025-05-19',
      product: { upfrontFeeRate: rate(2n, 1000n) },
      termsInForce: fourTimesLpr,
    });
    const draw = (customerId: string, key: string) =>
      world.loans.drawdown({
        customerId,
        amount: 1_000_000n as Money,
        term: 12,
        method: 'equal-installment',
        idempotencyKey: key,
      });
    const first = await world.customerWithLimit(2_000_000n, '0.119');
    const drawn = await draw(first, 'a');
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    expect(toExactRateString((await world.loans.getLoan(drawn.receipt.loanId)).contract.costCap!)).toBe(
      '0.124',
    );

    world.today('2025-05-20');
    const second = await world.customerWithLimit(2_000_000n, '0.119');
    const refusal = await draw(second, 'b').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isAppError(refusal) && refusal.issues).toEqual([
      {
        field: 'upfrontFee',
        rule: 'all-in-cost-cap',
        message:
          'a loan of 10000.00 with an upfront fee of 20.00: its all-in annualised cost (interest and fees, by IRR) is above the legal cap of 4 × the one-year LPR 3.00% = 12.00% (in force since 2025-01-01; LPR of 2025-05-20)',
      },
    ]);
  });

  it('records 12 % in a contract drawn on 2025-05-20 and accrues a 30-day overdue instalment at 12 %, not 1.5 × 11.9 % = 17.85 %', async () => {
    const world = await lendingWorld(store, { start: '2025-05-20', termsInForce: fourTimesLpr });
    const customerId = await world.customerWithLimit(2_000_000n, '0.119');
    const drawn = await world.loans.drawdown({
      customerId,
      amount: 1_000_000n as Money,
      term: 12,
      method: 'equal-installment',
      idempotencyKey: 'd',
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    world.today('2025-07-21');
    await world.nightly(); // through 2025-07-20: instalment 1 (due 2025-06-20) is 30 days overdue
    const loan = await world.loans.getLoan(drawn.receipt.loanId);
    expect(toExactRateString(loan.contract.costCap!)).toBe('0.12');
    expect(loan.daysPastDue).toBe(30);
    const principal = loan.instalments[0]?.principal ?? 0n;
    expect(principal).toBe(78_720n);
    // 78,720 × 0.12 × 30 / 365 = 776.41 → 776 (at 17.85 % it would be 1,154.92 → 1,154).
    expect(loan.instalments[0]?.penalty).toBe(776n);
    expect(loan.instalments[0]?.penalty).toBe((principal * 12n * 30n) / 36_500n);
  });
});
