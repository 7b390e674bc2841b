import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COLLECTION_STRATEGY } from '../../src/collections/index.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * The collections strategy decides who is contacted, when and how often, so it changes like the other
 * lending settings: a change request (`POST /v1/lending-settings/changes {kind: "collectionStrategies"}`)
 * that another person approves, stored on approval and in force from its date — the configured strategy
 * stays in force before it.
 */
describe.each(storesUnderTest())('collections strategy through four-eyes ($name)', (store) => {
  let t: DecisionTestApp;
  let approver = '';
  const { effectiveFrom: _from, ...defaults } = DEFAULT_COLLECTION_STRATEGY;
  const stricter = {
    ...defaults,
    caps: { perDay: 2, perWeek: 6 },
    contactHours: { from: '09:00', to: '20:00', timeZone: 'Asia/Shanghai' },
    source: 'Compliance memo 2026-11: two contacts a day, six a week, 09:00–20:00',
  };
  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    t.app.http.inject({ method: 'POST', url, headers, payload });
  const strategy = async () => {
    const response = await t.app.http.inject({
      method: 'GET',
      url: '/v1/collections/strategy',
      headers: t.auth('analyst'),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      inForce: { effectiveFrom: string; caps: { perDay: number; perWeek: number } };
      all: { effectiveFrom: string }[];
    };
  };

  beforeAll(async () => {
    t = await decisionTestApp({ store });
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    approver = generateApiKeySecret('analyst', seededRandomBytes(16));
    await t.app.services.apiKeys.create({ name: 'Bo Chen', role: 'analyst', secret: approver });
  }, 120_000);
  afterAll(async () => {
    await t?.app.stop();
  });

  it('refuses a strategy that breaks a rule, naming the field of the setting, and stores nothing', async () => {
    const refused = await post('/v1/lending-settings/changes', t.auth('analyst'), {
      kind: 'collectionStrategies',
      effectiveFrom: '2026-12-10',
      setting: { ...stricter, caps: { perDay: 4, perWeek: 3 } },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      {
        field: 'setting.caps.perWeek',
        rule: 'at-least-per-day',
        message: 'the weekly cap cannot be below the daily one',
      },
    ]);
    expect((await strategy()).all.map((entry) => entry.effectiveFrom)).toEqual(['2020-01-01']);
  });

  it('a stricter strategy waits for a second person, then applies from its date and not before', async () => {
    const submitted = await post('/v1/lending-settings/changes', t.auth('analyst'), {
      kind: 'collectionStrategies',
      effectiveFrom: '2026-12-10',
      setting: stricter,
    });
    expect(submitted.statusCode, submitted.body).toBe(202);
    const { changeId } = submitted.json() as { changeId: string };
    const inbox = await t.app.http.inject({
      method: 'GET',
      url: `/v1/approvals/${changeId}`,
      headers: t.auth('analyst'),
    });
    expect(inbox.json().change).toMatchObject({
      kind: 'settings',
      status: 'pending',
      effectiveFrom: '2026-12-10',
      summary:
        'collections strategy: call queue from M1, contact 09:00–20:00, at most 2 a day and 6 a week from 2026-12-10',
    });
    // Pending: nothing changed for the collectors.
    expect((await strategy()).all.map((entry) => entry.effectiveFrom)).toEqual(['2020-01-01']);

    const self = await post(`/v1/approvals/${changeId}/approve`, t.auth('analyst'));
    expect(self.statusCode, self.body).toBe(403);
    expect(self.json().errors[0]).toMatchObject({ rule: 'maker-checker' });

    const approved = await post(`/v1/approvals/${changeId}/approve`, { authorization: `Bearer ${approver}` });
    expect(approved.statusCode, approved.body).toBe(200);

    const before = await strategy();
    expect(before.all.map((entry) => entry.effectiveFrom)).toEqual(['2020-01-01', '2026-12-10']);
    expect(before.inForce).toMatchObject({ effectiveFrom: '2020-01-01', caps: { perDay: 3, perWeek: 10 } });

    t.clock.set(new Date('2026-12-10T02:00:00Z'));
    const after = await strategy();
    expect(after.inForce).toMatchObject({ effectiveFrom: '2026-12-10', caps: { perDay: 2, perWeek: 6 } });
  });
});
