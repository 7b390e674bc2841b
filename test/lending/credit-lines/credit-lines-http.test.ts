import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { snapshotLineRows } from './support.ts';
import { openFacilityForTest } from '../facility-setup.ts';

let t: TestApp;
const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
let lineId = '';
let purchaseId = '';

function json(headers: Record<string, string>, key?: string) {
  return { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
}

beforeAll(async () => {
  // 2026-01-05 10:00 Asia/Shanghai.
  t = await createTestApp({ now: new Date('2026-01-05T02:00:00Z') });
  await openFacilityForTest(t, {
    customerId: customer,
    product: 'credit-line',
    limit: '5000.00',
    apr: '0.1825',
    decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  });
});

afterAll(async () => {
  await t.app.stop();
});

describe('/v1/lines', () => {
  it('opens the line once (201, then 200 with the same line)', async () => {
    const first = await t.app.http.inject({
      method: 'POST',
      url: '/v1/lines',
      headers: json(t.auth('app')),
      payload: { customerId: customer },
    });
    expect(first.statusCode).toBe(201);
    lineId = first.json().id;
    expect(first.json()).toMatchObject({
      statementDay: 1,
      due: { dayOfMonth: 10 },
      dailyRate: '0.0005',
      nextStatementDate: '2026-02-01',
    });
    expect(first.json().facility).toEqual({
      status: 'active',
      limit: '5000.00',
      used: '0.00',
      available: '5000.00',
      temporary: null,
    });
    const again = await t.app.http.inject({
      method: 'POST',
      url: '/v1/lines',
      headers: json(t.auth('app')),
      payload: { customerId: customer, statementDay: 15 },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(lineId);
  });

  it('declines a purchase above the available limit with 422 and its reason, writing nothing', async () => {
    const before = await snapshotLineRows(t.app.db);
    const response = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/purchases`,
      headers: json(t.auth('app'), 'too-much'),
      payload: { amount: '5000.01', description: 'a sofa' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      reason: 'insufficient-available-credit',
      available: '5000.00',
      requested: '5000.01',
    });
    expect(await snapshotLineRows(t.app.db)).toBe(before);
  });

  it('makes a purchase, replays it for the same key and refuses the key with another body (409)', async () => {
    const request = {
      method: 'POST' as const,
      url: `/v1/lines/${lineId}/purchases`,
      headers: json(t.auth('app'), 'buy-1'),
      payload: { amount: '1200.00', description: 'a phone' },
    };
    const made = await t.app.http.inject(request);
    expect(made.statusCode).toBe(201);
    purchaseId = made.json().purchaseId;
    expect(made.json()).toMatchObject({
      amount: '1200.00',
      effectiveDate: '2026-01-05',
      availableAfter: '3800.00',
    });
    const replay = await t.app.http.inject(request);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().purchaseId).toBe(purchaseId);
    const other = await t.app.http.inject({
      ...request,
      payload: { amount: '1.00', description: 'a phone' },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('validates at the edge: amounts are strings, keys required, unknown fields refused, ids checked', async () => {
    const number = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/payments`,
      headers: json(t.auth('app'), 'n1'),
      payload: { amount: 100 },
    });
    expect(number.statusCode).toBe(422);
    const noKey = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/payments`,
      headers: json(t.auth('app')),
      payload: { amount: '1.00' },
    });
    expect(noKey.statusCode).toBe(422);
    const unknown = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/payments`,
      headers: json(t.auth('app'), 'n2'),
      payload: { amount: '1.00', tip: '1' },
    });
    expect(unknown.statusCode).toBe(422);
    const missing = await t.app.http.inject({
      method: 'GET',
      url: '/v1/lines/cl_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      headers: t.auth('app'),
    });
    expect(missing.statusCode).toBe(404);
    const refundTooMuch = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/refunds`,
      headers: json(t.auth('app'), 'r-too-much'),
      payload: { purchaseId, amount: '1200.01' },
    });
    expect(refundTooMuch.statusCode).toBe(422);
    expect(refundTooMuch.json().errors).toContainEqual(
      expect.objectContaining({ field: 'amount', rule: 'within-purchase' }),
    );
  });

  it('offers and converts the unbilled purchase: ¥1,200 over 3 at 0.75 %: ¥400 + ¥9 a period, APR by IRR 13.47 %', async () => {
    const body = { source: { purchaseId }, term: 3 };
    const offer = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/conversion-offers`,
      headers: json(t.auth('app')),
      payload: body,
    });
    expect(offer.statusCode).toBe(200);
    expect(offer.json()).toMatchObject({
      amount: '1200.00',
      feeRate: '0.0075',
      principalParts: ['400.00', '400.00', '400.00'],
      feePerPeriod: '9.00',
      totalFees: '27.00',
      instalments: ['409.00', '409.00', '409.00'],
    });
    expect(Number(offer.json().aprByIrr)).toBeCloseTo(0.1347, 3);
    const converted = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/conversions`,
      headers: json(t.auth('app'), 'conv-1'),
      payload: body,
    });
    expect(converted.statusCode).toBe(201);
    const line = await t.app.http.inject({
      method: 'GET',
      url: `/v1/lines/${lineId}`,
      headers: t.auth('reviewer'),
    });
    expect(line.json().balances).toMatchObject({
      unbilledPrincipal: '0.00',
      instalmentsNotYetBilled: '1200.00',
      principalOwed: '1200.00',
    });
    expect(line.json().plans[0]).toMatchObject({
      principal: '1200.00',
      term: 3,
      feePerPeriod: '9.00',
      billedPeriods: 0,
    });
    expect(line.json().facility.used).toBe('1200.00');
  });

  it('bills the first instalment on the statement of 1 Feb and takes a payment against it', async () => {
    t.clock.set('2026-02-02' as never);
    const run = await t.app.services.dayEnd.run({ through: '2026-02-01' as never });
    expect(run.upToDate).toBe(false);
    const list = await t.app.http.inject({
      method: 'GET',
      url: `/v1/lines/${lineId}/statements`,
      headers: t.auth('analyst'),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().statements).toEqual([
      expect.objectContaining({
        seq: 1,
        statementDate: '2026-02-01',
        dueDate: '2026-02-10',
        purchases: '1200.00',
        converted: '1200.00',
        instalmentPrincipal: '400.00',
        fees: '9.00',
        closingBalance: '409.00',
        minimumPayment: '409.00',
        instalmentsNotYetBilled: '800.00',
      }),
    ]);
    // One statement by its number: a path parameter is text, so "1" must be read as statement 1.
    const one = await t.app.http.inject({
      method: 'GET',
      url: `/v1/lines/${lineId}/statements/1`,
      headers: t.auth('analyst'),
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ seq: 1, closingBalance: '409.00', minimumPayment: '409.00' });
    const none = await t.app.http.inject({
      method: 'GET',
      url: `/v1/lines/${lineId}/statements/2`,
      headers: t.auth('analyst'),
    });
    expect(none.statusCode).toBe(404);
    const bad = await t.app.http.inject({
      method: 'GET',
      url: `/v1/lines/${lineId}/statements/0`,
      headers: t.auth('analyst'),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ field: 'params.seq' }));
    const paid = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/payments`,
      headers: json(t.auth('app'), 'pay-1'),
      payload: { amount: '409.00' },
    });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({
      allocation: { fees: '9.00', interest: '0.00', principal: '400.00', held: '0.00' },
      availableAfter: '4200.00',
      daysPastDue: 0,
    });
  });

  it('reverses the payment that was charged back: restated, once; a second reversal is refused with the rule', async () => {
    const reverse = (key: string, role: 'app' | 'reviewer' | 'analyst' = 'reviewer') =>
      t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/payments/3/reversal`,
        headers: json(t.auth(role), key),
        payload: { reason: 'chargeback' },
      });
    expect((await reverse('rev-analyst', 'analyst')).statusCode).toBe(403);
    const reversed = await reverse('rev-1');
    expect(reversed.statusCode).toBe(201);
    // Events: the purchase (1), its conversion (2), the payment (3). The ¥409.00 of 2 Feb drops out of the cycle: statement 1 is owed again in full, its ¥400.00 of
    // instalment principal is used again; the due date (10 Feb) is still to come.
    expect(reversed.json()).toMatchObject({
      seq: 4,
      reverses: 3,
      reason: 'chargeback',
      amount: '409.00',
      paidOn: '2026-02-02',
      effectiveDate: '2026-02-02',
      balancesBefore: { payoff: '800.00', billedPrincipal: '0.00' },
      balances: { payoff: '1209.00', billedPrincipal: '400.00', billedFees: '9.00' },
      interestChange: '0.00',
      minimumsBefore: [{ seq: 1, dueDate: '2026-02-10', minimumOutstanding: '0.00' }],
      minimums: [{ seq: 1, dueDate: '2026-02-10', minimumOutstanding: '409.00' }],
      daysPastDue: 0,
      availableAfter: '3800.00',
    });
    const replay = await reverse('rev-1');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const twice = await reverse('rev-2');
    expect(twice.statusCode).toBe(422);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    expect(twice.json().errors).toContainEqual(
      expect.objectContaining({ field: 'paymentSeq', rule: 'not-reversed-already' }),
    );
    const ofTheReversal = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/payments/4/reversal`,
      headers: json(t.auth('app'), 'rev-3'),
      payload: { reason: 'returned' },
    });
    expect(ofTheReversal.statusCode).toBe(422);
    expect(ofTheReversal.json().errors).toContainEqual(
      expect.objectContaining({ field: 'paymentSeq', rule: 'a-payment' }),
    );
  });

  it('reviews on demand only for customers the decisions context knows (404 here); lists reviews', async () => {
    const review = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/reviews`,
      headers: { ...t.auth('reviewer'), 'idempotency-key': 'review-1' },
    });
    expect(review.statusCode).toBe(404);
    const list = await t.app.http.inject({
      method: 'GET',
      url: `/v1/lines/${lineId}/reviews`,
      headers: t.auth('analyst'),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().reviews).toEqual([
      expect.objectContaining({ trigger: 'on-demand', status: 'pending', decisionId: null, action: null }),
    ]);
    const forbidden = await t.app.http.inject({
      method: 'POST',
      url: `/v1/lines/${lineId}/purchases`,
      headers: json(t.auth('analyst'), 'analyst-buys'),
      payload: { amount: '1.00', description: 'x' },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
