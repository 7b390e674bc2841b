import { afterAll, describe, expect, it } from 'vitest';
import { noticeHash } from '../../src/identity/consent-notices.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storesUnderTest } from '../support/stores.ts';
import { ZHANG_SAN } from './support/service.ts';

/**
 * Consent with purpose and notice over HTTP: an admin publishes versioned notices (never backdated, each
 * with its SHA-256); a grant must accept the version in force; a withdrawal stops the use from then on;
 * asking for the state in force again records nothing; the legacy `{dataSource, granted}` body keeps
 * working; the customer sees and changes their own consents under /v1/me/consents.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.app.stop();
});

const BUREAU_TEXT = {
  zh: '您同意我们为审批与贷后管理向征信机构查询您的信用报告。',
  en: 'You agree that we ask a credit bureau for your credit report to decide on and manage your credit.',
};

describe.each(storesUnderTest())('consent with purpose and notice on $name', (store) => {
  it('publishes notices, checks grants against the version in force, records withdrawals and history', async () => {
    const t = await createTestApp({ store });
    apps.push(t);
    const { customer } = await t.app.services.customers.createCustomer(ZHANG_SAN);
    const id = customer.customerId;
    const send = (method: 'GET' | 'POST', url: string, payload?: unknown, role: 'admin' | 'app' = 'app') =>
      t.app.http.inject({
        method,
        url,
        headers: t.auth(role),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    // Before any notice: a purpose other than the legacy one cannot be granted.
    const early = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      granted: true,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({ field: 'purpose', rule: 'notice-published' });

    // Only an admin publishes; never in the past.
    const notice = { purpose: 'bureau_query', text: BUREAU_TEXT };
    expect((await send('POST', '/v1/consent-notices', notice)).statusCode).toBe(403);
    const backdated = await send(
      'POST',
      '/v1/consent-notices',
      { ...notice, effectiveFrom: '2026-11-01T00:00:00Z' },
      'admin',
    );
    expect(backdated.statusCode).toBe(422);
    expect(backdated.json().errors[0]).toMatchObject({ field: 'effectiveFrom', rule: 'not-in-past' });
    const published = await send('POST', '/v1/consent-notices', notice, 'admin');
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      purpose: 'bureau_query',
      version: 1,
      inForce: true,
      sha256: noticeHash('bureau_query', 1, BUREAU_TEXT),
    });
    // The same again is the same version (idempotent).
    const republished = await send('POST', '/v1/consent-notices', notice, 'admin');
    expect([republished.statusCode, republished.json().version]).toEqual([200, 1]);

    // A grant naming a version that is not in force is refused; naming none accepts the one in force.
    const wrong = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      granted: true,
      noticeVersion: 2,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'noticeVersion', rule: 'notice-in-force' });
    const withSource = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      dataSource: 'credit_bureau',
      granted: true,
    });
    expect(withSource.json().errors[0]).toMatchObject({ field: 'dataSource', rule: 'not-for-purpose' });

    t.clock.advanceMs(60_000);
    const granted = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      granted: true,
      noticeVersion: 1,
    });
    expect(granted.statusCode).toBe(200);
    const grantRef: string = granted.json().recorded;
    expect(grantRef).toMatch(/^credence\/evt_/);
    expect(granted.json().purposes).toContainEqual({
      purpose: 'bureau_query',
      dataSource: null,
      granted: true,
      since: '2026-11-22T02:01:00.000Z',
      eventRef: grantRef,
      noticeVersion: 1,
      noticeHash: noticeHash('bureau_query', 1, BUREAU_TEXT),
    });
    // Asking again for the state in force records nothing.
    const again = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      granted: true,
    });
    expect(again.json().recorded).toBeNull();

    // The legacy body (no purpose, no notice published for credit assessment) keeps working.
    const legacy = await send('POST', `/v1/customers/${id}/consents`, {
      dataSource: 'credit_bureau',
      granted: true,
    });
    expect(legacy.statusCode).toBe(200);
    expect(legacy.json().consents).toContainEqual({
      dataSource: 'credit_bureau',
      granted: true,
      since: '2026-11-22T02:01:00.000Z',
      eventRef: legacy.json().recorded,
      noticeVersion: null,
    });

    // A scheduled version is not in force until its instant.
    const v2 = await send(
      'POST',
      '/v1/consent-notices',
      {
        ...notice,
        text: { ...BUREAU_TEXT, en: `${BUREAU_TEXT.en} (v2)` },
        effectiveFrom: '2026-11-23T00:00:00Z',
      },
      'admin',
    );
    expect([v2.statusCode, v2.json().version, v2.json().inForce]).toEqual([201, 2, false]);
    const tooSoon = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      granted: true,
      noticeVersion: 2,
    });
    expect(tooSoon.json().errors[0]).toMatchObject({ field: 'noticeVersion', rule: 'notice-in-force' });

    // Withdrawal: from this instant; the history keeps both.
    t.clock.advanceMs(60_000);
    const withdrawn = await send('POST', `/v1/customers/${id}/consents`, {
      purpose: 'bureau_query',
      granted: false,
    });
    expect(withdrawn.json().purposes).toContainEqual(
      expect.objectContaining({ purpose: 'bureau_query', granted: false, noticeVersion: null }),
    );
    const history = await send('GET', `/v1/customers/${id}/consents`);
    expect(history.statusCode).toBe(200);
    const changes = history
      .json()
      .history.map((c: Record<string, unknown>) => [c.purpose, c.granted, c.noticeVersion]);
    expect(changes).toEqual([
      ['bureau_query', true, 1],
      ['credit_assessment', true, null],
      ['bureau_query', false, null],
    ]);

    // Publishing was audited.
    const audit = await send('GET', '/v1/audit?action=consent-notice.publish', undefined, 'admin');
    expect(audit.json().items.map((item: { subject: { id: string } }) => item.subject.id)).toEqual([
      'bureau_query@2',
      'bureau_query@1',
    ]);
  });

  it('lets the customer see and withdraw their own consents under /v1/me/consents', async () => {
    const t = await createTestApp({ store });
    apps.push(t);
    const { customer } = await t.app.services.customers.createCustomer({
      ...ZHANG_SAN,
      consents: ['bank_transactions'],
    });
    const id = customer.customerId;
    const session = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${id}/sessions`,
      headers: t.auth('app'),
      payload: {},
    });
    const me = { authorization: `Bearer ${(session.json() as { token: string }).token}` };
    const mine = await t.app.http.inject({ method: 'GET', url: '/v1/me/consents', headers: me });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().inForce).toContainEqual(
      expect.objectContaining({
        purpose: 'credit_assessment',
        dataSource: 'bank_transactions',
        granted: true,
      }),
    );
    t.clock.advanceMs(1_000);
    const off = await t.app.http.inject({
      method: 'POST',
      url: '/v1/me/consents',
      headers: me,
      payload: { purpose: 'credit_assessment', dataSource: 'bank_transactions', granted: false },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().inForce).toContainEqual(
      expect.objectContaining({
        purpose: 'credit_assessment',
        dataSource: 'bank_transactions',
        granted: false,
      }),
    );
    expect(off.json().history.map((c: { granted: boolean }) => c.granted)).toEqual([true, false]);
    expect(mine.json().inForce.find((c: { purpose: string }) => c.purpose === 'marketing').what.en).toBe(
      'send you offers and product news',
    );
    // The snapshot a decision reads from now on does without the source.
    const snapshot = await t.app.services.customers.getSnapshot(id);
    expect(snapshot.consents.find((c) => c.dataSource === 'bank_transactions')?.granted).toBe(false);
    // A staff key cannot use the customer's route.
    expect(
      (await t.app.http.inject({ method: 'GET', url: '/v1/me/consents', headers: t.auth('app') })).statusCode,
    ).toBe(403);
  });
});
