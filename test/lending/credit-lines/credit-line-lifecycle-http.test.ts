import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { openFacilityForTest } from '../facility-setup.ts';
import { snapshotLineRows } from './support.ts';

/**
 * Over HTTP, on each store: a staff temporary limit (reviewer only; audited), the customer's lower limit
 * (problem+json naming the field and the rule when below what is used), and closing refused while owed.
 */

const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0KC';

function json(headers: Record<string, string>, key?: string) {
  return { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
}

describe.each(storesUnderTest().map((store) => [store.name, store] as const))(
  'credit-line lifecycle over HTTP (%s)',
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
        decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0KC',
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
    });

    afterAll(async () => {
      await t.app.stop();
    });

    it('grants a temporary limit to reviewers only, audited; the line shows it', async () => {
      const grant = {
        method: 'POST' as const,
        url: `/v1/lines/${lineId}/temporary-limits`,
        payload: { amount: '1000.00', until: '2026-04-30', reason: 'holiday travel' },
      };
      const byApp = await t.app.http.inject({ ...grant, headers: json(t.auth('app'), 'tl') });
      expect(byApp.statusCode).toBe(403);
      const granted = await t.app.http.inject({ ...grant, headers: json(t.auth('reviewer'), 'tl') });
      expect(granted.statusCode).toBe(201);
      expect(granted.json()).toMatchObject({
        change: 'temporary-limit',
        facilityStatus: 'active',
        limit: '3000.00',
        used: '1200.00',
        available: '2800.00',
        temporary: { amount: '1000.00', until: '2026-04-30' },
      });
      const audit = await t.app.services.audit.list({ action: 'credit-line.*' });
      expect(
        audit.items.map((entry) => [entry.action, entry.subject.id, entry.actor.kind, entry.details]),
      ).toEqual([
        [
          'credit-line.temporary-limit',
          lineId,
          'key',
          { amount: '1000.00', until: '2026-04-30', limit: '3000.00', reason: 'holiday travel' },
        ],
      ]);
      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('analyst'),
      });
      expect(line.json()).toMatchObject({
        facility: {
          limit: '3000.00',
          available: '2800.00',
          temporary: { amount: '1000.00', until: '2026-04-30' },
        },
        customerLimitCap: null,
        closedOn: null,
      });
    });

    it("refuses a lower limit below what is used, naming field and rule; the customer's own is not audited", async () => {
      const before = await snapshotLineRows(t.app.db);
      const tooLow = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/limit-requests`,
        headers: json(t.auth('app'), 'low-1'),
        payload: { limit: '1199.99', reason: 'too tempting' },
      });
      expect(tooLow.statusCode).toBe(422);
      expect(tooLow.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(tooLow.json().errors).toEqual([
        { field: 'limit', rule: 'at-least-used', message: 'the limit cannot be below the 1200.00 in use' },
      ]);
      expect(await snapshotLineRows(t.app.db)).toBe(before);

      const lowered = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/limit-requests`,
        headers: json(t.auth('app'), 'low-2'),
        payload: { limit: '1500.00', reason: 'too tempting' },
      });
      expect(lowered.statusCode).toBe(201);
      expect(lowered.json()).toMatchObject({
        limit: '1500.00',
        available: '1300.00',
        customerLimitCap: '1500.00',
      });
      const audit = await t.app.services.audit.list({ action: 'credit-line.*' });
      expect(audit.items.map((entry) => entry.action)).toEqual(['credit-line.temporary-limit']);
      const changes = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}/changes`,
        headers: t.auth('analyst'),
      });
      expect(
        changes.json().changes.map((c: { kind: string; requestedBy: string }) => [c.kind, c.requestedBy]),
      ).toEqual([
        ['temporary-limit', expect.stringMatching(/^key:/)],
        ['customer-limit', 'customer'],
      ]);
    });

    it('refuses to close while ¥1,200.00 is owed (422 balance / nothing-owed), writing nothing', async () => {
      const before = await snapshotLineRows(t.app.db);
      const close = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/close`,
        headers: json(t.auth('app'), 'close-1'),
        payload: {},
      });
      expect(close.statusCode).toBe(422);
      expect(close.json().errors).toEqual([
        {
          field: 'balance',
          rule: 'nothing-owed',
          message: '1200.00 is still owed on the line; a line closes at zero balance',
        },
      ]);
      expect(await snapshotLineRows(t.app.db)).toBe(before);
    });
    it('changes the statement day once (201 with the transition), then refuses a second change within 6 months', async () => {
      const change = (key: string, statementDay: number) =>
        t.app.http.inject({
          method: 'POST',
          url: `/v1/lines/${lineId}/statement-day`,
          headers: json(t.auth('app'), key),
          payload: { statementDay },
        });
      // Opened 10 Mar 2026 on day 1: the cycle in flight ends on 1 Apr (due 10 Apr), then the 15th.
      const first = await change('sd-1', 15);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        change: 'statement-day',
        detail: {
          from: 1,
          to: 15,
          lastOnOldDay: '2026-04-01',
          itsDueDate: '2026-04-10',
          firstOnNewDay: '2026-04-15',
          firstOnNewDayDue: '2026-05-10',
        },
      });
      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('analyst'),
      });
      expect(line.json()).toMatchObject({ statementDay: 15, nextStatementDate: '2026-04-01' });
      const again = await change('sd-2', 20);
      expect(again.statusCode).toBe(422);
      expect(again.json().errors).toEqual([
        {
          field: 'statementDay',
          rule: 'once-in-6-months',
          message: 'the statement day was changed on 2026-03-10; it can be changed again from 2026-09-10',
        },
      ]);
    });

    it('refuses to settle an unknown plan (404)', async () => {
      const settle = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/plans/ipl_01JD3ZK6Q8W4M2X9T7B5N1R0KC/settlement`,
        headers: json(t.auth('app'), 'settle-1'),
        payload: {},
      });
      expect(settle.statusCode).toBe(404);
    });
    it('settles a plan early when a reviewer asks: 201, audited', async () => {
      const line = await t.app.http.inject({
        method: 'GET',
        url: `/v1/lines/${lineId}`,
        headers: t.auth('analyst'),
      });
      expect(line.json().balances.unbilledPrincipal).toBe('1200.00');
      const purchases = await t.app.db.query<{ ref_id: string }>(
        `select ref_id from credit_line_events where line_id = $1 and kind = 'purchase'`,
        [lineId],
      );
      const converted = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/conversions`,
        headers: json(t.auth('app'), 'bike-plan'),
        payload: { source: { purchaseId: purchases.rows[0]?.ref_id }, term: 3 },
      });
      expect(converted.statusCode).toBe(201);
      const planId = converted.json().planId as string;
      const settled = await t.app.http.inject({
        method: 'POST',
        url: `/v1/lines/${lineId}/plans/${planId}/settlement`,
        // No body: the plan is in the path.
        headers: { ...t.auth('reviewer'), 'idempotency-key': 'bike-settle' },
      });
      expect(settled.statusCode).toBe(201);
      // Nothing billed yet: all ¥1,200.00 on the next statement (1 Apr) with period 1's ¥9.00; 2 × ¥9.00 waived.
      expect(settled.json()).toEqual({
        lineId,
        planId,
        effectiveDate: '2026-03-10',
        principal: '1200.00',
        period: 1,
        billedOn: '2026-04-01',
        fee: '9.00',
        feesWaived: '18.00',
        periodsWaived: 2,
      });
      const audit = await t.app.services.audit.list({ action: 'credit-line.plan-settlement' });
      expect(audit.items.map((entry) => [entry.subject.id, entry.details])).toEqual([
        [lineId, { planId, principal: '1200.00', billedOn: '2026-04-01', feesWaived: '18.00' }],
      ]);
    });
  },
);
