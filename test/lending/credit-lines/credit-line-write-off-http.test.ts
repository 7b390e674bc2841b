import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { openFacilityForTest } from '../facility-setup.ts';

/**
 * Over HTTP, on each store: a reviewer writes a line off by hand (the app may not), the line shows it, a
 * purchase is declined naming why, a payment is a recovery, and writing it off again is refused.
 */

const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0WX';

function json(headers: Record<string, string>, key?: string) {
  return { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
}

describe.each(storesUnderTest().map((store) => [store.name, store] as const))(
  'credit-line write-off over HTTP (%s)',
  (_name, store) => {
    let t: TestApp;
    let lineId = '';

    beforeAll(async () => {
      t = await createTestApp({ store, now: new Date('2026-03-10T02:00:00Z') });
      await openFacilityForTest(t, {
        customerId: customer,
        product: 'credit-line',
        limit: '3000.00',
        apr: '0.1825',
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0WX',
      });
      const opened = await t.app.http.inject({
        method: 'POST',
        url: '/v1/lines',
        headers: json(t.auth('app')),
        payload: { customerId: customer },
      });
      lineId = opened.json().id;
      const bought = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/purchases`,
        headers: json(t.auth('app'), 'buy'),
        payload: { amount: '1200.00', description: 'a bicycle' },
      });
      expect(bought.statusCode).toBe(201);
    }, 300_000);

    afterAll(async () => {
      await t.app.stop();
    });

    it('reviewers only; the line shows it; purchases declined; payments are recoveries', async () => {
      const writeOff = { method: 'POST' as const, url: `/v1/lines/${lineId}/write-off` };
      const byApp = await t.app.http.inject({
        ...writeOff,
        headers: json(t.auth('app'), 'w1'),
        payload: { reason: 'fraud confirmed' },
      });
      expect(byApp.statusCode).toBe(403);
      const done = await t.app.http.inject({
        ...writeOff,
        headers: json(t.auth('reviewer'), 'w1'),
        payload: { reason: 'fraud confirmed' },
      });
      expect(done.statusCode).toBe(201);
      expect(done.json()).toMatchObject({
        lineId,
        effectiveDate: '2026-03-10',
        reason: 'fraud confirmed',
        daysPastDue: 0,
        writtenOff: {
          on: '2026-03-10',
          principal: '1200.00',
          interest: '0.00',
          fees: '0.00',
          total: '1200.00',
          recovered: '0.00',
          outstanding: '1200.00',
        },
      });
      const again = await t.app.http.inject({
        ...writeOff,
        headers: json(t.auth('reviewer'), 'w2'),
        payload: { reason: 'twice' },
      });
      expect(again.statusCode).toBe(422);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json().errors).toContainEqual(
        expect.objectContaining({ field: 'lineId', rule: 'not-written-off' }),
      );

      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('app'),
      });
      expect(line.json()).toMatchObject({
        writtenOff: { on: '2026-03-10', total: '1200.00', outstanding: '1200.00' },
        balances: { payoff: '0.00' },
        facility: { status: 'suspended' },
      });

      const bought = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/purchases`,
        headers: json(t.auth('app'), 'buy-2'),
        payload: { amount: '1.00', description: 'more' },
      });
      expect(bought.statusCode).toBe(422);
      expect(bought.json()).toMatchObject({ reason: 'line-written-off', writtenOffOn: '2026-03-10' });

      const paid = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/payments`,
        headers: json(t.auth('app'), 'pay-1'),
        payload: { amount: '500.00' },
      });
      expect(paid.statusCode).toBe(201);
      expect(paid.json().allocation).toMatchObject({ recovered: '500.00', principal: '0.00', held: '0.00' });
      const after = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('app'),
      });
      expect(after.json().writtenOff).toMatchObject({ recovered: '500.00', outstanding: '700.00' });
    }, 300_000);
  },
);
