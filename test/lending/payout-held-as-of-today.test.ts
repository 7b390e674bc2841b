import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors/app-error.ts';
import { createSandboxPaymentProvider } from '../../src/lending/payments/sandbox-payment-provider.ts';
import { ZHANG_SAN } from '../customers/support/service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { openFacilityForTest } from './facility-setup.ts';
import { snapshotRows } from './support.ts';

/**
 * A pay-out asks for what is held on the day it is asked, not what the stored state last said: ¥200.00
 * paid ahead on a loan is held until the first instalment falls due, and on that due date — before any
 * day-end has run — it has paid the instalment. Asking for "everything held" then must be refused with
 * nothing written; it used to send ¥200.00 to the provider, which paid the customer while the booking was
 * refused (the same money both repaid the loan and went back to the card). A key longer than 200
 * characters is refused as bad input by the use case (from the CLI it reached the table's check: a 500).
 */
describe.each(storesUnderTest())('a pay-out reads what is held today ($name)', (store) => {
  let t: TestApp;
  const provider = createSandboxPaymentProvider();
  let loanId = '';
  const post = (url: string, key: string | undefined, payload: object) =>
    t.app.http.inject({
      method: 'POST',
      url,
      headers: { ...t.auth('app'), ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });

  beforeAll(async () => {
    t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z'), paymentProvider: provider });
    const customerId = (await t.app.services.customers.createCustomer(ZHANG_SAN)).customer.customerId;
    await t.app.services.customers.addCard(customerId, '6222600000021234');
    await openFacilityForTest(t, {
      customerId,
      product: 'cash-loan',
      limit: '5000.00',
      apr: '0.18',
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AJ',
    });
    const drawn = await post('/v1/loans', 'draw', {
      customerId,
      amount: '1000.00',
      term: 3,
      method: 'equal-installment',
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
    loanId = drawn.json().loan.id as string;
    const ahead = await post(`/v1/loans/${loanId}/repayments`, 'ahead', {
      amount: '200.00',
      intent: 'scheduled',
    });
    expect(ahead.statusCode, ahead.body).toBe(201);
    expect(ahead.json().outstanding.heldForCustomer).toBe('200.00');
  }, 180_000);
  afterAll(async () => {
    await t.app.stop();
  });

  it('on the due date the held ¥200.00 has paid the instalment: nothing is left to pay back, nothing is sent', async () => {
    t.clock.set(new Date('2026-02-15T02:00:00Z'));
    const before = await snapshotRows(t.app.db);
    const refused = await post(`/v1/loans/${loanId}/payouts`, 'back', {});
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'amount', rule: 'within-held' });
    expect(await snapshotRows(t.app.db)).toBe(before);
    expect(provider.movements()).toEqual([]);
  });

  it('an idempotency key over 200 characters is refused naming it, nothing written (the CLI reaches the use case without the HTTP header schema)', async () => {
    const before = await snapshotRows(t.app.db);
    const refusal = await t.app.services.autoRepay
      .payout({ accountId: loanId, idempotencyKey: 'k'.repeat(201), requestedBy: 'test' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isAppError(refusal) && refusal.issues).toEqual([
      expect.objectContaining({ field: 'idempotencyKey', rule: 'idempotency-key' }),
    ]);
    expect(await snapshotRows(t.app.db)).toBe(before);
  });
});
