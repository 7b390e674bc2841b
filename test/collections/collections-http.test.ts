import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/platform/time/local-date.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { openFacilityForTest } from '../lending/facility-setup.ts';

const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';

/**
 * The collections API over HTTP, on a loan drawn 2026-01-15 and left unpaid past its first due date
 * (2026-02-15): roles, the queue, claims, contacts refused outside the rules as problem+json naming the
 * field and the rule, a promise in yuan on the wire, the case file, the strategy.
 */
describe.each(storesUnderTest())('/v1/collections ($name)', (store) => {
  let t: TestApp;
  let caseId = '';

  beforeAll(async () => {
    t = await createTestApp({ store, now: new Date('2026-01-15T02:00:00Z') });
    await openFacilityForTest(t, {
      customerId: customer,
      product: 'cash-loan',
      limit: '20000.00',
      apr: '0.1825',
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
    });
    const drawn = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...t.auth('app'), 'idempotency-key': 'draw-1' },
      payload: { customerId: customer, amount: '10000.00', term: 12, method: 'equal-installment' },
    });
    expect(drawn.statusCode).toBe(201);
    // 10:00 Shanghai on 20 Feb; the batch catches up through 19 Feb (4 days past due).
    t.clock.set(new Date('2026-02-20T02:00:00Z'));
    await t.app.services.dayEnd.run({ through: '2026-02-19' as LocalDate });
  });

  afterAll(async () => {
    await t.app.stop();
  });

  it('lists the queue for collectors and admins only', async () => {
    for (const role of ['reviewer', 'analyst', 'app'] as const) {
      const refused = await t.app.http.inject({
        method: 'GET',
        url: '/v1/collections/queue',
        headers: t.auth(role),
      });
      expect(refused.statusCode).toBe(403);
    }
    const queue = await t.app.http.inject({
      method: 'GET',
      url: '/v1/collections/queue',
      headers: t.auth('collector'),
    });
    expect(queue.statusCode).toBe(200);
    const items = queue.json<{
      items: { caseId: string; bucket: string; daysPastDue: number; amountPastDue: string }[];
    }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ bucket: 'M1', daysPastDue: 4, product: 'cash_loan', claimedBy: null });
    caseId = items[0]!.caseId;
    const bad = await t.app.http.inject({
      method: 'GET',
      url: '/v1/collections/queue?view=everyone',
      headers: t.auth('collector'),
    });
    expect(bad.statusCode).toBe(422);
  });

  it('claims the next case, then refuses contacts outside the rules with problem+json', async () => {
    const claimed = await t.app.http.inject({
      method: 'POST',
      url: '/v1/collections/queue/claim-next',
      headers: t.auth('collector'),
    });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json<{ case: { caseId: string; claimedBy: { name: string } } }>().case).toMatchObject({
      caseId,
      claimedBy: { name: 'test collector' },
    });
    const contact = (payload: Record<string, unknown>, key = 'c1') =>
      t.app.http.inject({
        method: 'POST',
        url: `/v1/collections/cases/${caseId}/contacts`,
        headers: { ...t.auth('collector'), 'idempotency-key': key },
        payload,
      });
    const late = await contact({
      channel: 'call',
      outcome: 'no-answer',
      contactedAt: '2026-02-19T21:30:00+08:00',
    });
    expect(late.statusCode).toBe(422);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.json<{ errors: unknown[] }>().errors).toEqual([
      expect.objectContaining({ field: 'contactedAt', rule: 'contact-hours' }),
    ]);
    const third = await contact({ channel: 'call', outcome: 'reached', party: 'mother' });
    expect(third.json<{ errors: unknown[] }>().errors).toEqual([
      expect.objectContaining({ field: 'party', rule: 'customer-only' }),
    ]);
    const noKey = await t.app.http.inject({
      method: 'POST',
      url: `/v1/collections/cases/${caseId}/contacts`,
      headers: t.auth('collector'),
      payload: { channel: 'call', outcome: 'no-answer' },
    });
    expect([400, 422]).toContain(noKey.statusCode);
    const ok = await contact({ channel: 'call', outcome: 'reached', note: 'will pay on Monday' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      contact: { channel: 'call', outcome: 'reached', party: 'customer' },
      promise: null,
      replayed: false,
    });
    const replayed = await contact({ channel: 'call', outcome: 'reached', note: 'will pay on Monday' });
    expect(replayed.statusCode).toBe(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
  });

  it('records a promise in yuan and shows the case file', async () => {
    const tooMuch = await t.app.http.inject({
      method: 'POST',
      url: `/v1/collections/cases/${caseId}/promises`,
      headers: { ...t.auth('collector'), 'idempotency-key': 'p0' },
      payload: { channel: 'call', date: '2026-02-23', amount: '9999.00' },
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json<{ errors: unknown[] }>().errors).toEqual([
      expect.objectContaining({ field: 'amount', rule: 'within-past-due' }),
    ]);
    const promised = await t.app.http.inject({
      method: 'POST',
      url: `/v1/collections/cases/${caseId}/promises`,
      headers: { ...t.auth('collector'), 'idempotency-key': 'p1' },
      payload: { channel: 'call', date: '2026-02-23', amount: '500.00' },
    });
    expect(promised.statusCode).toBe(201);
    expect(promised.json()).toMatchObject({
      contact: { outcome: 'promise' },
      promise: {
        amount: '500.00',
        amountFen: '50000',
        date: '2026-02-23',
        madeOn: '2026-02-20',
        status: 'pending',
      },
    });
    const file = await t.app.http.inject({
      method: 'GET',
      url: `/v1/collections/cases/${caseId}`,
      headers: t.auth('collector'),
    });
    expect(file.statusCode).toBe(200);
    const body = file.json<{
      history: { kind: string }[];
      contacts: unknown[];
      promises: unknown[];
      inCallQueue: boolean;
    }>();
    expect(body.history.map((e) => e.kind)).toEqual(['opened', 'promise-made']);
    expect(body.contacts).toHaveLength(2);
    expect(body.promises).toHaveLength(1);
    expect(body.inCallQueue).toBe(true);
    const missing = await t.app.http.inject({
      method: 'GET',
      url: '/v1/collections/cases/ccs_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      headers: t.auth('collector'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('shows the strategy in force to collectors and analysts', async () => {
    const strategy = await t.app.http.inject({
      method: 'GET',
      url: '/v1/collections/strategy',
      headers: t.auth('analyst'),
    });
    expect(strategy.statusCode).toBe(200);
    expect(strategy.json()).toMatchObject({
      inForce: {
        contactHours: { from: '08:00', to: '21:00', timeZone: 'Asia/Shanghai' },
        caps: { perDay: 3, perWeek: 10 },
        callQueueFrom: 'M1',
      },
    });
  });
});
