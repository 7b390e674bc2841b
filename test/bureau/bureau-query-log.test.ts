import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createSandboxCreditBureau, reportHash } from '../../src/bureau/index.ts';
import type { App } from '../../src/services.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { createIdGenerator, seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { createMemoryLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock } from '../../src/platform/time/clock.ts';
import { testConfig } from '../support/app.ts';
import { storesUnderTest, type StoreUnderTest } from '../support/stores.ts';
import { ZHANG_SAN } from '../customers/support/service.ts';

/**
 * The bureau use log (issue 17 item 3): a query without the person's bureau_query consent is refused and
 * audited, and nothing reaches the bureau; with it, the report is ingested once (idempotent by event id)
 * and every query is logged with its purpose, the consent event relied on, who asked, when and the
 * report's SHA-256 and size; the same request key returns the logged query; after a withdrawal the next
 * query is refused; a bureau that does not answer logs nothing.
 */
const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
});

async function appOn(store: StoreUnderTest, unavailable: ReadonlySet<string> = new Set()) {
  const db = await store.fresh();
  const clock = new ManualClock(new Date('2026-11-22T02:00:00Z'));
  const ids = createIdGenerator(clock, seededRandomBytes(17));
  let asked = 0;
  const sandbox = createSandboxCreditBureau({ unavailable });
  const app = await createApp({
    config: testConfig({ logLevel: 'warn' }),
    db,
    clock,
    ids,
    logger: createMemoryLogger('warn').logger,
    creditBureau: {
      name: sandbox.name,
      queryReport: (request) => {
        asked += 1;
        return sandbox.queryReport(request);
      },
    },
  });
  apps.push(app);
  const secrets: Record<string, string> = {};
  for (const role of ['admin', 'reviewer', 'app'] as const) {
    secrets[role] = generateApiKeySecret(role, seededRandomBytes(role.length));
    await app.services.apiKeys.create({ name: `test ${role}`, role, secret: secrets[role] });
  }
  const auth = (role: 'admin' | 'reviewer' | 'app') => ({ authorization: `Bearer ${secrets[role]}` });
  return { app, clock, auth, asked: () => asked };
}

describe.each(storesUnderTest())('bureau queries and their use log on $name', (store) => {
  it('refuses without consent, logs every query with its consent and report hash, ingests once', async () => {
    const { app, clock, auth, asked } = await appOn(store);
    const { customer } = await app.services.customers.createCustomer(ZHANG_SAN);
    const id = customer.customerId;
    const ask = (key: string, role: 'reviewer' | 'app' = 'reviewer') =>
      app.http.inject({
        method: 'POST',
        url: `/v1/customers/${id}/bureau-queries`,
        headers: { ...auth(role), 'idempotency-key': key },
        payload: { purpose: 'post_loan_review' },
      });

    // No consent: refused, audited, the bureau never asked, nothing logged.
    const refused = await ask('q-1');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'purpose', rule: 'consent-in-force' });
    expect(asked()).toBe(0);
    const audit = await app.services.audit.list({ action: 'bureau.query' });
    expect(audit.items.map((item) => item.outcome)).toEqual(['refused']);

    // Consent to bureau queries (accepting notice v1).
    await app.http.inject({
      method: 'POST',
      url: '/v1/consent-notices',
      headers: auth('admin'),
      payload: {
        purpose: 'bureau_query',
        text: {
          zh: '我们将向征信机构查询您的信用报告。',
          en: 'We will ask a credit bureau for your credit report.',
        },
      },
    });
    const consent = await app.services.customers.recordConsent({
      customerId: id,
      purpose: 'bureau_query',
      granted: true,
    });
    clock.advanceMs(60_000);

    const first = await ask('q-2');
    expect(first.statusCode).toBe(201);
    const query = first.json().query;
    const expected = await createSandboxCreditBureau().queryReport({
      customerId: id,
      reason: 'post_loan_review',
      asOf: clock.now(),
    });
    expect(query).toMatchObject({
      customerId: id,
      purpose: 'post_loan_review',
      consentEventRef: consent.recorded,
      consentNoticeVersion: 1,
      requestedBy: { kind: 'key', name: 'test reviewer' },
      requestKey: 'q-2',
      provider: 'sandbox-bureau',
      reportRef: expected.reportRef,
      reportSha256: reportHash(expected),
      eventCount: expected.events.length,
      eventsIngested: expected.events.length,
      queriedAt: '2026-11-22T02:01:00.000Z',
      decisionId: null,
    });
    expect(query.id).toMatch(/^bqy_/);
    expect(asked()).toBe(1);

    // The same key: the logged query, the bureau not asked again.
    const replay = await ask('q-2');
    expect([replay.statusCode, replay.json().query.id]).toEqual([200, query.id]);
    expect(asked()).toBe(1);

    // A later query by the app key: logged again, the same records are not ingested twice.
    clock.advanceMs(60_000);
    const second = await ask('q-3', 'app');
    expect(second.statusCode).toBe(201);
    expect(second.json().query).toMatchObject({
      requestedBy: { kind: 'key', name: 'test app' },
      eventsIngested: 0,
    });

    // Withdrawal: the next query is refused.
    clock.advanceMs(60_000);
    await app.services.customers.recordConsent({ customerId: id, purpose: 'bureau_query', granted: false });
    expect((await ask('q-4')).statusCode).toBe(422);
    expect(asked()).toBe(2);

    // The use log, as staff and the customer's copy read it.
    const listed = await app.http.inject({
      method: 'GET',
      url: `/v1/customers/${id}/bureau-queries`,
      headers: auth('reviewer'),
    });
    expect(listed.json().queries.map((q: { requestKey: string }) => q.requestKey)).toEqual(['q-2', 'q-3']);
    const use = await app.services.bureau.useOf(id);
    expect(use.queries.map((q) => [q.requestKey, q.reportSha256])).toEqual([
      ['q-2', reportHash(expected)],
      ['q-3', use.queries[1]?.reportSha256],
    ]);
    expect(use.queries.every((q) => /^[0-9a-f]{64}$/.test(q.reportSha256))).toBe(true);
    expect((await app.services.audit.list({ action: 'bureau.query' })).items.map((i) => i.outcome)).toEqual([
      'refused',
      'ok',
      'ok',
      'refused',
    ]);
    // The log refuses changes other than naming the decision once.
    await expect(app.db.query(`update bureau_queries set report_sha256 = repeat('0', 64)`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('logs nothing when the bureau does not answer', async () => {
    // Seeded ids and a pinned clock: a second app makes the same customer id, which its bureau refuses.
    const probe = await appOn(store);
    const { customer } = await probe.app.services.customers.createCustomer(ZHANG_SAN);
    const { app, auth, asked } = await appOn(store, new Set([customer.customerId]));
    const id = (await app.services.customers.createCustomer(ZHANG_SAN)).customer.customerId;
    expect(id).toBe(customer.customerId);
    await app.http.inject({
      method: 'POST',
      url: '/v1/consent-notices',
      headers: auth('admin'),
      payload: {
        purpose: 'bureau_query',
        text: { zh: '查询征信。', en: 'We ask a credit bureau for your report.' },
      },
    });
    await app.services.customers.recordConsent({ customerId: id, purpose: 'bureau_query', granted: true });
    const down = await app.http.inject({
      method: 'POST',
      url: `/v1/customers/${id}/bureau-queries`,
      headers: { ...auth('reviewer'), 'idempotency-key': 'q-down' },
      payload: { purpose: 'loan_application' },
    });
    expect(down.statusCode).toBe(503);
    expect(asked()).toBe(1);
    expect((await app.services.bureau.useOf(id)).queries).toEqual([]);
  });
});
