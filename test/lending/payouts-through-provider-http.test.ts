import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/ledger/ledger.pg.ts';
import { createSandboxPaymentProvider } from '../../src/lending/payments/sandbox-payment-provider.ts';
import { ZHANG_SAN } from '../customers/support/service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { openFacilityForTest } from './facility-setup.ts';
import { snapshotRows } from './support.ts';

/**
 * Money held for the customer paid back to their card through the provider (代付), on both stores. One
 * customer, cards …0014 (the sandbox refuses: card invalid), …1234 (succeeds) and …0068 (times out, the
 * money moved). A credit line holds ¥82.00 (¥1,082.00 paid on ¥1,000.00 owed); a loan paid off with ¥250.00
 * over holds ¥250.00. Nothing is booked as paid out until the provider confirms; a refusal leaves the money
 * held and says why; a timeout is settled by the provider's status, never sent twice; the customer is told.
 */

const CARD_INVALID = '6222600000000014';
const CARD_OK = '6222600000021234';
const CARD_SLOW = '6222600000050068';

describe.each(storesUnderTest())('pay-outs of money held through the provider ($name)', (store) => {
  let t: TestApp;
  const provider = createSandboxPaymentProvider();
  let customerId = '';
  let lineId = '';
  let loanId = '';
  const cards: Record<string, string> = {};
  const post = (url: string, key: string | undefined, payload: object, role: 'app' | 'reviewer' = 'app') =>
    t.app.http.inject({
      method: 'POST',
      url,
      headers: { ...t.auth(role), ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
  const messages = async (kind: string) =>
    (
      await t.app.db.query<{ text_en: string; text_zh: string }>(
        `select text->>'en' as text_en, text->>'zh' as text_zh from customer_messages where kind = $1
          order by created_at, id`,
        [kind],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z'), paymentProvider: provider });
    customerId = (await t.app.services.customers.createCustomer(ZHANG_SAN)).customer.customerId;
    for (const number of [CARD_INVALID, CARD_OK, CARD_SLOW])
      cards[number.slice(-4)] = (await t.app.services.customers.addCard(customerId, number)).cardId;
    await openFacilityForTest(t, {
      customerId,
      product: 'credit-line',
      limit: '1000.00',
      apr: '0.1825',
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AG',
    });
    await openFacilityForTest(t, {
      customerId,
      product: 'cash-loan',
      limit: '5000.00',
      apr: '0.18',
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AH',
    });
    const opened = await post('/v1/lines', undefined, { customerId });
    lineId = (opened.json() as { id: string }).id;
    expect(
      (await post(`/v1/lines/${lineId}/purchases`, 'buy', { amount: '1000.00', description: 'a phone' }))
        .statusCode,
    ).toBe(201);
    const paid = await post(`/v1/lines/${lineId}/payments`, 'pay', { amount: '1082.00' });
    expect(paid.json().allocation).toMatchObject({ held: '82.00' });
    const drawn = await post('/v1/loans', 'draw', {
      customerId,
      amount: '1000.00',
      term: 3,
      method: 'equal-installment',
    });
    loanId = drawn.json().loan.id as string;
    const repaid = await post(`/v1/loans/${loanId}/repayments`, 'repay', {
      amount: '1250.00',
      intent: 'prepayment',
    });
    expect(repaid.json()).toMatchObject({ status: 'closed', outstanding: { heldForCustomer: '250.00' } });
  }, 180_000);
  afterAll(async () => {
    await t.app.stop();
  });

  it('a refused pay-out leaves the money held and says why; a confirmed one is booked once', async () => {
    const url = `/v1/lines/${lineId}/payouts`;
    const before = await snapshotRows(t.app.db);
    for (const [payload, field, rule] of [
      [{ amount: '82.01' }, 'amount', 'within-held'],
      [{ cardId: 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0ZZ' }, 'cardId', 'bound-card'],
    ] as const) {
      const refused = await post(url, 'refused', payload);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field, rule });
    }
    expect(await snapshotRows(t.app.db)).toBe(before);

    const failed = await post(url, 'o1', { cardId: cards['0014'] });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json().payout).toMatchObject({
      accountId: lineId,
      amount: '82.00',
      cardLast4: '0014',
      status: 'failed',
      failureReason: 'card_invalid',
      reason: { zh: '银行卡无效或已注销', en: 'the card is no longer valid' },
      bookedSeq: null,
      providerCalls: 1,
    });
    let line = await t.app.http.inject({ method: 'GET', url: `/v1/lines/${lineId}`, headers: t.auth('app') });
    expect(line.json().balances.heldForCustomer).toBe('82.00');
    expect(await messages('payout_failed')).toEqual([
      {
        text_zh:
          '我们尝试将为您保管的¥82.00退还至您尾号0014的银行卡，未能成功：银行卡无效或已注销。这笔钱仍在您的信用额度中为您保管；请在App中绑定其他银行卡后再次申请退款，或联系客服。',
        text_en:
          'We tried to pay CNY 82.00 that we hold for you on your credit line back to your card ending 0014. It failed: the card is no longer valid. The money is still held for you: bind another card in the app and ask again, or contact us.',
      },
    ]);

    // Line events: 3 reserve and 4 release (the refused pay-out), 5 reserve, 6 the payout booked from it.
    const sent = await post(url, 'o2', { cardId: cards['1234'] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      lineId,
      amount: '82.00',
      heldBefore: '82.00',
      heldAfter: '0.00',
      payout: { status: 'paid', cardLast4: '1234', bookedSeq: 6, providerCalls: 1 },
    });
    const again = await post(url, 'o2', { cardId: cards['1234'] });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().payout.payoutId).toBe(sent.json().payout.payoutId);
    // The same key for another card is another request: refused, not answered with the first card's pay-out.
    const otherCard = await post(url, 'o2', { cardId: cards['0014'] });
    expect(otherCard.statusCode, otherCard.body).toBe(409);
    expect(otherCard.json().detail).toContain('card ending 1234');
    expect(provider.movements().map((m) => [m.direction, m.amount])).toEqual([['payout', 8_200n]]);
    line = await t.app.http.inject({ method: 'GET', url: `/v1/lines/${lineId}`, headers: t.auth('app') });
    expect(line.json().balances.heldForCustomer).toBe('0.00');
    expect((await messages('payout_sent')).map((m) => m.text_en)).toEqual([
      'We have paid CNY 82.00 that we held for you on your credit line back to your card ending 1234. It usually arrives within 1 to 3 working days.',
    ]);
  });

  it('a timed-out pay-out books nothing until the status says paid; money asked for cannot be asked twice', async () => {
    const url = `/v1/loans/${loanId}/payouts`;
    const slow = await post(url, 'l1', { amount: '200.00', cardId: cards['0068'] });
    expect(slow.statusCode, slow.body).toBe(200);
    expect(slow.json().payout).toMatchObject({ amount: '200.00', status: 'unknown', bookedSeq: null });
    const loan = async () =>
      (await t.app.http.inject({ method: 'GET', url: `/v1/loans/${loanId}`, headers: t.auth('app') })).json();
    expect((await loan()).outstanding.heldForCustomer).toBe('250.00');
    // 250.00 held, 200.00 of it already asked of the provider: at most 50.00 more.
    const tooMuch = await post(url, 'l2', { amount: '50.01' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0]).toMatchObject({ field: 'amount', rule: 'within-held' });
    expect(tooMuch.json().errors[0].message).toContain('200.00 of it already being paid back');

    const resolved = await post('/v1/payouts/resolve', undefined, {}, 'reviewer');
    expect(resolved.json()).toEqual({ paid: 1, failed: 0, unknown: 0, unbooked: 0 });
    const second = await post('/v1/payouts/resolve', undefined, {}, 'reviewer');
    expect(second.json()).toEqual({ paid: 0, failed: 0, unknown: 0, unbooked: 0 });
    expect((await loan()).outstanding.heldForCustomer).toBe('50.00');
    const listed = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${customerId}/payouts`,
      headers: t.auth('analyst'),
    });
    expect(
      listed
        .json()
        .payouts.map((p: { accountId: string; amount: string; status: string }) => [
          p.accountId === loanId ? 'loan' : 'line',
          p.amount,
          p.status,
        ]),
    ).toEqual([
      ['line', '82.00', 'failed'],
      ['line', '82.00', 'paid'],
      ['loan', '200.00', 'paid'],
    ]);
    // The sandbox moved the 200.00 once, however often it was asked.
    expect(provider.movements().filter((m) => m.amount === 20_000n)).toHaveLength(1);
    expect((await verifyLedger(t.app.db)).ok).toBe(true);
  });
});
