import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Money } from '../../src/platform/money/money.ts';
import { openFacilityForTest } from '../lending/facility-setup.ts';
import { ZHANG_SAN } from '../customers/support/service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The read side of customer messages: the customer's app lists them among its messages
 * (GET /v1/me/messages, kind `account`, newest first); staff read a customer's messages with their delivery
 * status (GET /v1/customers/{id}/messages, reviewer and admin only).
 */
describe.each(storesUnderTest())('customer messages over HTTP ($name)', (store) => {
  let t: TestApp;
  let customerId: string;
  let loanId: string;

  beforeAll(async () => {
    // 10:00 Shanghai on 22 Nov 2026: not quiet hours.
    t = await createTestApp({ store });
    const { services } = t.app;
    customerId = (await services.customers.createCustomer(ZHANG_SAN)).customer.customerId;
    await openFacilityForTest(t, {
      customerId,
      product: 'cash-loan',
      limit: '20000.00',
      apr: '0.18',
      decisionId: t.app.ids.next('decision'),
    });
    const drawn = await services.loans.drawdown({
      customerId,
      amount: 300_000n as Money,
      term: 3,
      method: 'equal-installment',
      idempotencyKey: 'draw-1',
    });
    if (drawn.outcome !== 'drawn') throw new Error('declined');
    loanId = drawn.receipt.loanId;
    await services.loans.repay({
      loanId,
      amount: 10_000n as Money,
      intent: 'scheduled',
      idempotencyKey: 'pay-1',
    });
  });
  afterAll(async () => {
    await t.app.stop();
  });

  it('staff see the message and its delivery: pending, then delivered after a pass', async () => {
    const get = (role: 'reviewer' | 'analyst' | 'admin') =>
      t.app.http.inject({
        method: 'GET',
        url: `/v1/customers/${customerId}/messages`,
        headers: t.auth(role),
      });
    const pending = await get('reviewer');
    expect(pending.statusCode).toBe(200);
    const [message] = pending.json().messages;
    expect(message).toMatchObject({
      kind: 'payment_received',
      subjectId: loanId,
      occasion: 'repayment-1',
      channel: 'sms',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2026-11-22T02:00:00.000Z',
      deliveredAt: null,
    });
    // Paid on the drawdown day: nothing was due, so the ¥100 is held for the next instalment.
    expect(message.text['zh-CN']).toBe(
      '已收到您的借款还款¥100.00：本金¥0.00，利息¥0.00，罚息¥0.00。目前还欠¥3,000.00。多还的¥100.00已为您保留，将用于下次还款。',
    );
    expect((await get('analyst')).statusCode).toBe(403);

    expect(await t.app.services.notifications.deliver()).toMatchObject({ delivered: 1 });
    const delivered = (await get('admin')).json().messages[0];
    expect(delivered).toMatchObject({
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
    });
    expect(delivered.deliveredAt).toBe('2026-11-22T02:00:00.000Z');
  });

  it("lists them in the customer's messages, newest first, linked to the loan", async () => {
    const session = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customerId}/sessions`,
      headers: t.auth('app'),
      payload: {},
    });
    expect(session.statusCode).toBe(201);
    const response = await t.app.http.inject({
      method: 'GET',
      url: '/v1/me/messages',
      headers: { authorization: `Bearer ${session.json().token}` },
    });
    expect(response.statusCode).toBe(200);
    const account = response.json().messages.filter((m: { kind: string }) => m.kind === 'account');
    expect(account).toEqual([
      {
        id: expect.stringMatching(/^ntf_/),
        kind: 'account',
        at: '2026-11-22T02:00:00.000Z',
        title: { 'zh-CN': '还款成功', en: 'Payment received' },
        text: expect.objectContaining({
          en: expect.stringContaining('We received your loan payment of CNY 100.00'),
        }),
        link: { loanId },
      },
    ]);
  });
});
