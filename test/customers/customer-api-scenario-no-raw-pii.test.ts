import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsRawPii } from '../../src/platform/pii/mask.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * A full customer scenario through the API — create, bind cards, verify, consent, send events, read
 * features — and then every response body and every log line is scanned for raw ID, phone and card numbers.
 */
let t: TestApp;
const bodies: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.app.stop();
});

async function call(method: 'GET' | 'POST', url: string, payload?: unknown, role: 'app' | 'analyst' = 'app') {
  const response = await t.app.http.inject({
    method,
    url,
    headers: t.auth(role),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  bodies.push(response.body);
  return response;
}

describe('customer API scenario', () => {
  let customerId = '';

  it('creates a customer with a phone the sandbox says is not the ID holder’s: L1 with the precise code', async () => {
    const response = await call('POST', '/v1/customers', {
      externalId: 'app-user-1',
      name: '王 芳',
      idNumber: '11010519491231002x',
      phone: '170 1234 5678',
      profile: { occupation: 'teacher', incomeBand: '5k_10k', education: 'bachelor' },
      consents: ['credit_bureau', 'bank_transactions'],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    customerId = body.customer.customerId;
    expect(body.customer).toMatchObject({
      name: '王*',
      idNumber: '110105********002X',
      phone: '170****5678',
      cards: [],
    });
    expect(body.verification).toMatchObject({
      level: 1,
      failures: ['PHONE_NOT_OWNED_BY_ID_HOLDER'],
      provider: 'sandbox',
    });
  });

  it('replays the same creation with 200 and the same customer', async () => {
    const response = await call('POST', '/v1/customers', {
      externalId: 'app-user-1',
      name: '王芳',
      idNumber: '11010519491231002X',
      phone: '17012345678',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().customer.customerId).toBe(customerId);
  });

  it('refuses a card failing Luhn with 422 naming the field and rule; binds a good one masked', async () => {
    const bad = await call('POST', `/v1/customers/${customerId}/cards`, {
      cardNumber: '6222020200001234563',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'cardNumber', rule: 'CARD_CHECKSUM_INVALID' }),
    ]);
    const good = await call('POST', `/v1/customers/${customerId}/cards`, {
      cardNumber: '6222020200001234562',
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().card).toMatchObject({ cardNumber: '**** 4562', issuer: 'ICBC' });
    const unknown = await call('POST', `/v1/customers/${customerId}/cards`, {
      cardNumber: '6222020200001234562',
      extra: 1,
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('stays at L1 after verifying again (the phone is still not the holder’s)', async () => {
    const response = await call('POST', `/v1/customers/${customerId}/verify`);
    expect(response.json().verification).toMatchObject({
      level: 1,
      failures: ['PHONE_NOT_OWNED_BY_ID_HOLDER'],
    });
  });

  it('takes a batch of events, keeping good rows and reporting bad ones', async () => {
    const at = (hours: number) =>
      new Date(Date.parse('2026-11-22T02:00:00Z') - hours * 3_600_000).toISOString();
    const rows = [
      ...Array.from({ length: 3 }, (_, i) => ({
        eventId: `inq-${i}`,
        customerId,
        source: 'bureau-a',
        type: 'inquiry',
        occurredAt: at(24 * (i + 1)),
        lender: `lender-${i}`,
        kind: 'loan_application',
      })),
      {
        eventId: 'pay-1',
        customerId,
        source: 'bank-a',
        type: 'payment',
        occurredAt: at(5),
        amount: '88.80',
        merchantCategory: 'dining',
        channel: 'online',
      },
      { eventId: 'lv-1', customerId, source: 'app', type: 'limit_view', occurredAt: at(1) },
      {
        eventId: 'bad-1',
        customerId,
        source: 'app',
        type: 'payment',
        occurredAt: at(1),
        amount: '1.999',
        merchantCategory: 'x',
        channel: 'online',
      },
      {
        eventId: 'bad-2',
        customerId,
        source: 'app',
        type: 'inquiry',
        occurredAt: at(1),
        lender: '13812345678',
        kind: 'teleport',
      },
    ];
    const response = await call('POST', '/v1/events', rows);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      accepted: 5,
      duplicates: 0,
      rejected: [
        { index: 5, field: 'amount', reason: '"1.999" has more than 2 decimal places; amounts are in fen' },
        {
          index: 6,
          field: 'kind',
          reason: 'must be one of loan_application, card_application, post_loan, self',
        },
      ],
    });
    expect((await call('POST', '/v1/events', rows.slice(0, 2))).json()).toEqual({
      accepted: 2,
      duplicates: 2,
      rejected: [],
    });
  });

  it('serves the features as of now, with amounts as fen strings and decay instants for recourse', async () => {
    const response = await call('GET', `/v1/customers/${customerId}/features`, undefined, 'analyst');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const value = (name: string) => body.features.find((f: { name: string }) => f.name === name)?.value;
    expect(value('inquiries_7d')).toBe(3);
    expect(value('distinct_lenders_30d')).toBe(3);
    expect(value('consumption_amount_3m')).toBe('8880');
    expect(value('limit_views_24h')).toBe(1);
    expect(value('verification_level')).toBe(1);
    expect(value('bound_cards')).toBe(1);
    expect(value('age_years')).toBe(76);
    expect(value('occupation')).toBe('teacher');
    expect(value('social_insurance')).toBeNull();
    expect(body.verification).toMatchObject({ level: 1, failures: ['PHONE_NOT_OWNED_BY_ID_HOLDER'] });
    expect(body.decay.inquiries_30d).toHaveLength(3);
    // On 19 November the bureau consent (given at sign-up on the 22nd) was not yet in force: no bureau feature.
    const earlier = (
      await call('GET', `/v1/customers/${customerId}/features?asOf=2026-11-19`, undefined, 'analyst')
    ).json();
    const earlierValue = (name: string) =>
      earlier.features.find((f: { name: string }) => f.name === name)?.value;
    expect(earlierValue('inquiries_7d')).toBeNull();
    expect(earlierValue('account_age_days')).toBeNull();
    expect(earlier.asOf).toBe('2026-11-19T15:59:59.999Z');
    const wrong = await call(
      'GET',
      `/v1/customers/${customerId}/features?asOf=yesterday`,
      undefined,
      'analyst',
    );
    expect(wrong.statusCode).toBe(422);
  });

  it('withdraws consent: features from that source become null', async () => {
    const withdrawn = await call('POST', `/v1/customers/${customerId}/consents`, {
      dataSource: 'credit_bureau',
      granted: false,
    });
    expect(withdrawn.json().consents).toContainEqual(
      expect.objectContaining({ dataSource: 'credit_bureau', granted: false }),
    );
    t.clock.advanceMs(1000);
    const body = (await call('GET', `/v1/customers/${customerId}/features`, undefined, 'analyst')).json();
    expect(body.features.find((f: { name: string }) => f.name === 'inquiries_7d').value).toBeNull();
  });

  it('answers 404 for an unknown customer and 403 for a role without the right', async () => {
    expect((await call('GET', '/v1/customers/cus_00000000000000000000000000')).statusCode).toBe(404);
    const reviewer = await t.app.http.inject({
      method: 'POST',
      url: '/v1/events',
      headers: t.auth('reviewer'),
      payload: [{}],
    });
    expect(reviewer.statusCode).toBe(403);
  });

  it('no response body and no log line carries a raw ID, phone or card number', () => {
    const leaks = [...bodies, ...t.logLines()].filter((text) => containsRawPii(text));
    expect(leaks).toEqual([]);
    expect(bodies.length).toBeGreaterThan(10);
    // The scan can fail: the raw values really do look like PII to it.
    expect(containsRawPii('11010519491231002X 17012345678 6222020200001234562')).toBe(true);
  });
});
