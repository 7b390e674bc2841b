import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { openFacilityForTest } from '../facility-setup.ts';

/**
 * Over HTTP, on each store: a goodwill waiver on a credit line. ¥1,200.00 bought on 10 Mar 2026 (18.25 %,
 * statement day 1, due the 10th); statement 1 (1 Apr) missed. On 15 Apr, after the night: interest from the
 * posting date 120,000 × 31 ÷ 2,000 = ¥18.60 plus ¥0.60 a day for 11–15 Apr = ¥21.60, 5 days past due, minimum
 * ¥120.00 (10 % of ¥1,200.00). Waiving the ¥21.60 is within the default threshold (¥1,000.00): applied at once.
 * Then a settlement for less the same day: ¥1,200.00 owed, ¥1,100.00 agreed, ¥100.00 written off and forgiven.
 */

const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0HW';
const reasons = [{ code: 'income-loss', note: 'lost job in March' }];

function json(headers: Record<string, string>, key?: string) {
  return { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
}

describe.each(storesUnderTest().map((store) => [store.name, store] as const))(
  'credit-line hardship over HTTP (%s)',
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
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0HW',
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
      t.clock.set(new Date('2026-04-15T02:00:00Z'));
      await t.app.services.dayEnd.run({ through: t.clock.today() });
    }, 300_000);

    afterAll(async () => {
      await t.app.stop();
    });

    it('collectors ask, within the threshold it is applied; refusals are problem+json naming the field', async () => {
      const base = `/v1/lines/${lineId}/hardship-requests`;
      const byApp = await t.app.http.inject({
        method: 'POST',
        url: base,
        headers: json(t.auth('app'), 'h1'),
        payload: { tool: 'waiver', interest: '21.60', reasons },
      });
      expect(byApp.statusCode).toBe(403);

      const tooMuch = await t.app.http.inject({
        method: 'POST',
        url: base,
        headers: json(t.auth('collector'), 'h0'),
        payload: { tool: 'waiver', interest: '21.61', reasons },
      });
      expect(tooMuch.statusCode).toBe(422);
      expect(tooMuch.headers['content-type']).toContain('application/problem+json');
      expect(tooMuch.json().errors).toEqual([
        expect.objectContaining({ field: 'interest', rule: 'within-owed' }),
      ]);

      const preview = await t.app.http.inject({
        method: 'POST',
        url: `${base}/preview`,
        headers: json(t.auth('collector')),
        payload: { tool: 'waiver', interest: '21.60' },
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toEqual({
        moneyEffect: '21.60',
        secondPersonAbove: '1000.00',
        needsSecondPerson: false,
        before: {
          principal: '1200.00',
          interest: '21.60',
          fees: '0.00',
          lateFees: '0.00',
          payoff: '1221.60',
          minimumDue: '120.00',
          daysPastDue: 5,
          workout: null,
        },
        after: {
          principal: '1200.00',
          interest: '0.00',
          fees: '0.00',
          lateFees: '0.00',
          payoff: '1200.00',
          minimumDue: '120.00',
          daysPastDue: 5,
          workout: null,
        },
        // The message the customer will read, from the same figures: ¥21.60 waived, ¥1,221.60 − ¥21.60 =
        // ¥1,200.00 owed; the minimum's ¥120.00 is principal (10 % of ¥1,200.00), so still ¥120.00 to pay.
        customerMessage: {
          zh: '我们已为您减免信用额度的利息¥21.60。目前共欠¥1,200.00。最低还款还需还¥120.00。目前逾期5天。',
          en: 'We have waived CNY 21.60 of interest on your credit line. You owe CNY 1,200.00 in all. CNY 120.00 of your minimum payment is still to pay. You are 5 days overdue.',
        },
      });

      const done = await t.app.http.inject({
        method: 'POST',
        url: base,
        headers: json(t.auth('collector'), 'h1'),
        payload: { tool: 'waiver', interest: '21.60', reasons },
      });
      expect(done.statusCode).toBe(201);
      const body = done.json();
      expect(body.request).toMatchObject({
        lineId,
        ask: { tool: 'waiver', interest: '21.60', fees: '0.00', lateFees: '0.00' },
        moneyEffect: '21.60',
        needsSecondPerson: false,
        status: 'applied',
        eventSeq: 2,
      });
      expect(body.after.payoff).toBe('1200.00');
      expect(body.journalIds).toHaveLength(1);
      // The customer is sent exactly what the preview showed.
      const sent = await t.app.db.query<{ zh: string; en: string }>(
        `select text->>'zh' as zh, text->>'en' as en from customer_messages
          where kind = 'line_hardship_applied' and occasion = $1`,
        [`hardship-${body.request.id}`],
      );
      expect(sent.rows).toEqual([preview.json().customerMessage]);

      const again = await t.app.http.inject({
        method: 'POST',
        url: base,
        headers: json(t.auth('collector'), 'h1'),
        payload: { tool: 'waiver', interest: '21.60', reasons },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ replayed: true, request: { id: body.request.id } });

      const approveApplied = await t.app.http.inject({
        method: 'POST',
        url: `${base}/${body.request.id}/approve`,
        headers: t.auth('reviewer'),
      });
      expect(approveApplied.statusCode).toBe(422);
      expect(approveApplied.json().errors).toEqual([
        expect.objectContaining({ field: 'requestId', rule: 'pending-request' }),
      ]);

      const list = await t.app.http.inject({ method: 'GET', url: base, headers: t.auth('analyst') });
      expect(list.json().requests.map((r: { status: string }) => r.status)).toEqual(['applied']);
    });

    it('a payment holiday is refused on the overdue line; a field of another tool is named', async () => {
      const base = `/v1/lines/${lineId}/hardship-requests`;
      const overdue = await t.app.http.inject({
        method: 'POST',
        url: `${base}/preview`,
        headers: json(t.auth('collector')),
        payload: { tool: 'holiday', statements: 2 },
      });
      expect(overdue.statusCode).toBe(422);
      expect(overdue.json().errors).toEqual([expect.objectContaining({ field: 'tool', rule: 'current' })]);
      const otherTool = await t.app.http.inject({
        method: 'POST',
        url: `${base}/preview`,
        headers: json(t.auth('collector')),
        payload: { tool: 'waiver', interest: '1.00', statements: 2 },
      });
      expect(otherTool.statusCode).toBe(422);
      expect(otherTool.json().errors).toEqual([
        expect.objectContaining({ field: 'statements', rule: 'not-for-tool' }),
      ]);
    });

    it('a re-age takes no other field; on the overdue line with nothing paid since, it is refused by rule', async () => {
      const base = `/v1/lines/${lineId}/hardship-requests`;
      const otherField = await t.app.http.inject({
        method: 'POST',
        url: `${base}/preview`,
        headers: json(t.auth('collector')),
        payload: { tool: 're-age', statements: 2 },
      });
      expect(otherField.statusCode).toBe(422);
      expect(otherField.json().errors).toEqual([
        expect.objectContaining({ field: 'statements', rule: 'not-for-tool' }),
      ]);
      const notPaid = await t.app.http.inject({
        method: 'POST',
        url: `${base}/preview`,
        headers: json(t.auth('collector')),
        payload: { tool: 're-age' },
      });
      expect(notPaid.statusCode).toBe(422);
      expect(notPaid.json().errors).toEqual([
        expect.objectContaining({ field: 'tool', rule: 'min-consecutive-paid' }),
      ]);
    });

    it('a settlement for less: ¥1,200.00 owed settled for ¥1,100.00, ¥100.00 written off at once', async () => {
      const base = `/v1/lines/${lineId}/hardship-requests`;
      const otherTool = await t.app.http.inject({
        method: 'POST',
        url: base,
        headers: json(t.auth('collector'), 's0'),
        payload: { tool: 'settlement', amount: '1100.00', interest: '1.00', reasons },
      });
      expect(otherTool.statusCode).toBe(422);
      expect(otherTool.json().errors).toEqual([
        expect.objectContaining({ field: 'interest', rule: 'not-for-tool' }),
      ]);
      const noAmount = await t.app.http.inject({
        method: 'POST',
        url: `${base}/preview`,
        headers: json(t.auth('collector')),
        payload: { tool: 'settlement' },
      });
      expect(noAmount.statusCode).toBe(422);
      expect(noAmount.json().errors).toEqual([
        expect.objectContaining({ field: 'amount', rule: 'required' }),
      ]);

      const done = await t.app.http.inject({
        method: 'POST',
        url: base,
        headers: json(t.auth('collector'), 's1'),
        payload: { tool: 'settlement', amount: '1100.00', reasons },
      });
      expect(done.statusCode).toBe(201);
      expect(done.json().request).toMatchObject({
        ask: { tool: 'settlement', amount: '1100.00', interest: null, fees: null, lateFees: null },
        moneyEffect: '100.00',
        status: 'applied',
        eventSeq: 3,
      });
      expect(done.json().after.payoff).toBe('0.00');

      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('analyst'),
      });
      expect(line.json().writtenOff).toMatchObject({
        on: '2026-04-15',
        total: '100.00',
        outstanding: '0.00',
        settledOn: '2026-04-15',
      });
    });
  },
);
