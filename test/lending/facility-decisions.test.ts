import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/platform/money/money.ts';
import { parseRate } from '../../src/platform/money/rate.ts';
import { storesUnderTest } from '../support/stores.ts';
import { lendingWorld, snapshotRows } from './support.ts';

describe.each(storesUnderTest())('credit facilities from decisions ($name)', (store) => {
  it('opens once per decision, adjusts on a new one, refuses the same decision id with other terms', async () => {
    const world = await lendingWorld(store, { start: '2026-05-01' });
    const customerId = world.ids.next('customer');
    const decisionId = world.ids.next('decision');
    const grant = {
      customerId,
      product: 'cash-loan' as const,
      limit: 800_000n as Money,
      apr: parseRate('0.18'),
      decisionId,
    };
    const opened = await world.facilities.openOrAdjustFacility(grant);
    expect(opened).toMatchObject({ change: 'opened', replayed: false, available: 800_000n });
    const before = await snapshotRows(world.db);
    const again = await world.facilities.openOrAdjustFacility(grant);
    expect(again).toMatchObject({ change: 'opened', replayed: true });
    expect(again.facility.id).toBe(opened.facility.id);
    expect(await snapshotRows(world.db)).toBe(before);
    await expect(
      world.facilities.openOrAdjustFacility({ ...grant, limit: 900_000n as Money }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
    });
    const raised = await world.facilities.openOrAdjustFacility({
      ...grant,
      limit: 1_200_000n as Money,
      decisionId: world.ids.next('decision'),
    });
    expect(raised).toMatchObject({ change: 'adjusted', available: 1_200_000n });
    expect(raised.facility.version).toBe(2);
  });

  it('a frozen facility and a lowered limit decline drawdowns as values, writing nothing; available never goes below zero', async () => {
    const world = await lendingWorld(store, { start: '2026-05-01' });
    const customerId = await world.customerWithLimit(1_000_000n);
    const drawn = await world.loans.drawdown({
      customerId,
      amount: 600_000n as Money,
      term: 6,
      method: 'equal-installment',
      idempotencyKey: 'a',
    });
    expect(drawn.outcome).toBe('drawn');
    await world.facilities.freezeFacility({ customerId, product: 'cash-loan', reason: 'risk hold' });
    const before = await snapshotRows(world.db);
    const frozen = await world.loans.drawdown({
      customerId,
      amount: 10_000n as Money,
      term: 3,
      method: 'equal-installment',
      idempotencyKey: 'b',
    });
    expect(frozen).toEqual({
      outcome: 'declined',
      refusal: { reason: 'facility-not-active', status: 'frozen' },
    });
    expect(await snapshotRows(world.db)).toBe(before);
    await world.facilities.reactivateFacility({ customerId, product: 'cash-loan', reason: 'cleared' });
    // A decision lowers the limit below what is used: available is zero, not negative.
    const lowered = await world.facilities.openOrAdjustFacility({
      customerId,
      product: 'cash-loan',
      limit: 500_000n as Money,
      apr: parseRate('0.18'),
      decisionId: world.ids.next('decision'),
    });
    expect(lowered.available).toBe(0n);
    expect(lowered.facility.used).toBe(600_000n);
    const over = await world.loans.drawdown({
      customerId,
      amount: 10_000n as Money,
      term: 3,
      method: 'equal-installment',
      idempotencyKey: 'c',
    });
    expect(over).toEqual({
      outcome: 'declined',
      refusal: { reason: 'insufficient-available-credit', available: 0n, requested: 10_000n },
    });
    // The database refuses an over-limit utilisation whatever the caller checked.
    await expect(
      world.db.query(`update credit_facilities set used_amount = used_amount + 1 where customer_id = $1`, [
        customerId,
      ]),
    ).rejects.toThrow(/exceed the limit/);
  });

  it('a customer with a loan past due cannot draw again until it is paid', async () => {
    const world = await lendingWorld(store, { start: '2026-05-01' });
    const customerId = await world.customerWithLimit(2_000_000n);
    const first = await world.loans.drawdown({
      customerId,
      amount: 300_000n as Money,
      term: 3,
      method: 'equal-principal',
      idempotencyKey: 'a',
    });
    if (first.outcome !== 'drawn') throw new Error('declined');
    world.today('2026-06-05');
    await world.nightly();
    const declined = await world.loans.drawdown({
      customerId,
      amount: 10_000n as Money,
      term: 3,
      method: 'equal-principal',
      idempotencyKey: 'b',
    });
    expect(declined).toMatchObject({ outcome: 'declined', refusal: { reason: 'delinquent' } });
    const quote = await world.loans.payoffQuote(first.receipt.loanId);
    await world.loans.repay({
      loanId: first.receipt.loanId,
      amount: quote.total,
      intent: 'prepayment',
      idempotencyKey: 'p',
    });
    const again = await world.loans.drawdown({
      customerId,
      amount: 10_000n as Money,
      term: 3,
      method: 'equal-principal',
      idempotencyKey: 'c',
    });
    expect(again.outcome).toBe('drawn');
  });
});
