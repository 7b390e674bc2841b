import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { withSharedApp } from '../../../src/cli/runtime.ts';
import { verifyLedger } from '../../../src/ledger/ledger.pg.ts';
import type { LocalDate } from '../../../src/platform/time/local-date.ts';
import { ZHANG_SAN } from '../../customers/support/service.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { storesUnderTest } from '../../support/stores.ts';
import { openFacilityForTest } from '../facility-setup.ts';
import { snapshotRows } from '../support.ts';

/**
 * A credit line's auto-repay over HTTP and the CLI, on both stores, through the whole app's day-end. Line
 * opened 5 Jan 2026 (statement day 1, due the 10th), ¥1,000.00 bought on 10 Jan; statement 1 (1 Feb)
 * ¥1,000.00, minimum ¥100.00. The customer turns auto-repay on under /v1/me (full balance by default, card
 * …1234); the night of 10 Feb collects ¥1,000.00, booked as a line payment dated 10 Feb. Staff switch the
 * rule to the minimum on the customer's behalf; the CLI shows it.
 */

const CARD_OK = '6222600000021234';

async function cli(t: TestApp, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += chunk.toString();
    return true;
  });
  try {
    const code = await withSharedApp(t.app, () => main(args));
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe.each(storesUnderTest())('credit-line auto-repay over HTTP ($name)', (store) => {
  let t: TestApp;
  let customerId = '';
  let lineId = '';
  let cardId = '';
  let token = '';
  const send = (
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) =>
    t.app.http.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const me = () => ({ authorization: `Bearer ${token}` });
  const sessionOf = async (id: string) => {
    const response = await send('POST', `/v1/customers/${id}/sessions`, t.auth('app'), {});
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { token: string }).token;
  };
  const night = async (date: string) => {
    t.clock.set(new Date(`${date}T18:00:00Z`)); // 02:00 Shanghai the next day
    await t.app.services.dayEnd.run({ through: date as LocalDate });
    token = await sessionOf(customerId);
  };

  beforeAll(async () => {
    t = await createTestApp({ store, now: new Date('2026-01-05T02:00:00Z') });
    const { customers } = t.app.services;
    customerId = (await customers.createCustomer(ZHANG_SAN)).customer.customerId;
    cardId = (await customers.addCard(customerId, CARD_OK)).cardId;
    await openFacilityForTest(t, {
      customerId,
      product: 'credit-line',
      limit: '1000.00',
      apr: '0.1825',
      decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AF',
    });
    const opened = await send('POST', '/v1/lines', t.auth('app'), { customerId });
    expect(opened.statusCode, opened.body).toBe(201);
    lineId = (opened.json() as { id: string }).id;
    t.clock.set(new Date('2026-01-10T02:00:00Z'));
    const bought = await send(
      'POST',
      `/v1/lines/${lineId}/purchases`,
      { ...t.auth('app'), 'idempotency-key': 'phone' },
      { amount: '1000.00', description: 'a phone' },
    );
    expect(bought.statusCode, bought.body).toBe(201);
    token = await sessionOf(customerId);
  }, 120_000);
  afterAll(async () => {
    await t.app.stop();
  });

  it('the customer turns it on (full balance by default); the day-end collects the statement once', async () => {
    const url = `/v1/me/lines/${lineId}/auto-repay`;
    const before = await snapshotRows(t.app.db);
    for (const [payload, field, rule] of [
      [{ enabled: true, amountRule: 'weekly' }, 'amountRule', 'enum'],
      [{ enabled: true, cardId: 'crd_01JD3ZK6Q8W4M2X9T7B5N1R0AE' }, 'cardId', 'bound-card'],
    ] as const) {
      const refused = await send('PUT', url, me(), payload);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().errors[0], JSON.stringify(payload)).toMatchObject({ field });
      if (rule !== 'enum') expect(refused.json().errors[0]).toMatchObject({ rule });
    }
    // A line id is not a loan's: the loan route refuses it as a malformed id.
    const asLoan = await send('GET', `/v1/me/loans/${lineId}/auto-repay`, me());
    expect(asLoan.statusCode).toBe(422);
    expect(await snapshotRows(t.app.db)).toBe(before);

    const on = await send('PUT', url, me(), { enabled: true, noticeVersion: 1 });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({
      accountId: lineId,
      product: 'credit_line',
      enabled: true,
      cardId,
      cardLast4: '1234',
      amountRule: 'full',
      noticeVersion: 1,
      changed: true,
      consents: [{ seq: 1, granted: true, amountRule: 'full', by: 'customer' }],
    });

    await night('2026-02-09');
    const statement = await send('GET', `/v1/lines/${lineId}`, t.auth('app'));
    expect(statement.json().openStatements[0]).toMatchObject({
      dueDate: '2026-02-10',
      minimumPayment: '100.00',
      owed: '1000.00',
    });
    await night('2026-02-10');
    const read = await send('GET', url, me());
    expect(read.json().attempts).toMatchObject([
      {
        accountId: lineId,
        businessDate: '2026-02-10',
        dueDate: '2026-02-10',
        tryNumber: 1,
        amount: '1000.00',
        cardLast4: '1234',
        status: 'succeeded',
        failureReason: null,
        bookedSeq: 2,
      },
    ]);
    expect(read.json().attempts[0]).not.toHaveProperty('providerRef');
    const line = await send('GET', `/v1/lines/${lineId}`, t.auth('app'));
    expect(line.json()).toMatchObject({ daysPastDue: 0 });
    expect(line.json().openStatements.map((s: { owed: string }) => s.owed)).toEqual(['0.00']);
    const events = await t.app.db.query<{ kind: string; effective_date: string; amount: string }>(
      `select kind, effective_date::text as effective_date, amount::text as amount from credit_line_events
        where line_id = $1 order by seq`,
      [lineId],
    );
    expect(events.rows).toEqual([
      { kind: 'purchase', effective_date: '2026-01-10', amount: '100000' },
      { kind: 'payment', effective_date: '2026-02-10', amount: '100000' },
    ]);
    // The nights after ask nothing more.
    await night('2026-02-13');
    const staff = await send('GET', `/v1/lines/${lineId}/auto-repay`, t.auth('analyst'));
    expect(staff.json().attempts).toMatchObject([{ status: 'succeeded', providerCalls: 1 }]);
    expect((await verifyLedger(t.app.db)).ok).toBe(true);
  });

  it('staff switch the rule to the minimum for the customer; the CLI shows and changes it', async () => {
    const analyst = await send('PUT', `/v1/lines/${lineId}/auto-repay`, t.auth('analyst'), {
      enabled: true,
      amountRule: 'minimum',
    });
    expect(analyst.statusCode).toBe(403);
    const changed = await send('PUT', `/v1/lines/${lineId}/auto-repay`, t.auth('reviewer'), {
      enabled: true,
      amountRule: 'minimum',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ amountRule: 'minimum', changed: true });
    expect(changed.json().consents[1]).toMatchObject({ seq: 2, amountRule: 'minimum', by: 'staff' });
    expect(changed.json().consents[1].actor).toMatch(/\(/);

    const shown = await cli(t, ['line', 'autopay', 'show', lineId]);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('auto-repay on, from card …1234');
    expect(shown.out).toContain('collects the minimum payment');
    const back = await cli(t, [
      'line',
      'autopay',
      'on',
      lineId,
      '--rule',
      'full',
      '--by',
      'Li Wei',
      '--json',
    ]);
    expect(back.code, back.err).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ amountRule: 'full', changed: true });
    const bad = await cli(t, ['line', 'autopay', 'on', lineId, '--rule', 'half', '--by', 'Li Wei']);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('--rule');
  });
});
