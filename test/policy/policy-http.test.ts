import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
const policy = JSON.parse(
  readFileSync(new URL('../../policies/default/credit-policy.json', import.meta.url), 'utf8'),
) as {
  nodes: Array<{ id: string; content?: { rules?: Array<Record<string, string>> } }>;
};
const settings = JSON.parse(
  readFileSync(new URL('../../policies/settings.json', import.meta.url), 'utf8'),
) as unknown;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.app.stop();
});

describe('policies over HTTP', () => {
  it('loads a version (201, the bootstrap), submits the next (202) for a second analyst to approve, returns a version again for the same graph and date (200), lists, shows and diffs', async () => {
    const load = (body: unknown) =>
      t.app.http.inject({
        method: 'POST',
        url: '/v1/policies',
        headers: t.auth('analyst'),
        payload: body as object,
      });
    const first = await load({ name: 'default', effectiveFrom: '2026-01-01', content: policy });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      created: true,
      policy: { name: 'default', version: 1, effectiveFrom: '2026-01-01', status: 'approved' },
      change: { kind: 'policy', status: 'approved', bootstrap: true, decidedBy: 'bootstrap' },
    });
    const repeat = await load({ name: 'default', effectiveFrom: '2026-01-01', content: policy });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json().policy.id).toBe(first.json().policy.id);

    const tighter = structuredClone(policy);
    const row = tighter.nodes.find((node) => node.id === 'cutoffs')?.content?.rules?.[1];
    if (!row) throw new Error('fixture');
    row.co_cutoff = '620';
    const second = await load({
      name: 'default',
      effectiveFrom: '2027-01-01',
      content: tighter,
      description: 'cash loan cut-off 620',
    });
    expect(second.statusCode).toBe(202);
    expect(second.json().policy.status).toBe('pending_approval');
    const approved = await t.app.http.inject({
      method: 'POST',
      url: `/v1/approvals/${second.json().change.changeId}/approve`,
      headers: t.auth('admin'),
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().change).toMatchObject({ status: 'approved', decidedBy: 'test admin' });

    const list = await t.app.http.inject({
      method: 'GET',
      url: '/v1/policies?name=default',
      headers: t.auth('analyst'),
    });
    expect(list.json().policies.map((p: { version: number }) => p.version)).toEqual([1, 2]);

    const show = await t.app.http.inject({
      method: 'GET',
      url: `/v1/policies/${second.json().policy.id}`,
      headers: t.auth('analyst'),
    });
    expect(show.statusCode).toBe(200);
    expect(show.json().content).toEqual(tighter);

    const diff = await t.app.http.inject({
      method: 'GET',
      url: `/v1/policies/diff?from=${first.json().policy.id}&to=${second.json().policy.id}`,
      headers: t.auth('analyst'),
    });
    expect(diff.statusCode).toBe(200);
    expect(diff.json().diff.nodesChanged).toEqual([
      {
        id: 'cutoffs',
        name: 'Cut-offs',
        kind: 'decisionTable',
        changes: [
          {
            change: 'row-changed',
            rowId: 'co-cash-loan',
            cells: [{ columnId: 'co_cutoff', columnName: 'Base cut-off', from: '600', to: '620' }],
          },
        ],
      },
    ]);
  });

  it('refuses a graph outside the subset with 422 naming node, row and column', async () => {
    const broken = structuredClone(policy);
    const row = broken.nodes.find((node) => node.id === 'limits')?.content?.rules?.[0];
    if (!row) throw new Error('fixture');
    row.lm_score = 'score % 2 == 0';
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: t.auth('analyst'),
      payload: { name: 'broken', effectiveFrom: '2026-01-01', content: broken },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json().errors).toEqual([
      {
        field: 'policy.nodes.limits.rules.lm-s1-i1.lm_score',
        rule: 'syntax',
        message:
          'node "Limit matrix" (limits), row lm-s1-i1, column "Score" (lm_score): character "%" is outside the subset in "score % 2 == 0" at character 7',
      },
    ]);
  });

  it('keeps policies to analysts and admins, and refuses unknown fields', async () => {
    const asApp = await t.app.http.inject({ method: 'GET', url: '/v1/policies', headers: t.auth('app') });
    expect(asApp.statusCode).toBe(403);
    const extra = await t.app.http.inject({
      method: 'POST',
      url: '/v1/policies',
      headers: t.auth('analyst'),
      payload: { name: 'default', effectiveFrom: '2026-01-01', content: policy, active: true },
    });
    expect(extra.statusCode).toBe(422);
    const missing = await t.app.http.inject({
      method: 'GET',
      url: '/v1/policies/pol_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      headers: t.auth('admin'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('loads and shows lending settings; refuses an inconsistent product naming the field', async () => {
    const loaded = await t.app.http.inject({
      method: 'POST',
      url: '/v1/lending-settings',
      headers: t.auth('analyst'),
      payload: settings as object,
    });
    // The first settings of a fresh database are the bootstrap: loaded at once (200).
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({
      loaded: { products: 2, legalRateCaps: 1, riskAppetite: 1, assignments: 2 },
      change: { kind: 'settings', status: 'approved', bootstrap: true },
    });
    const shown = await t.app.http.inject({
      method: 'GET',
      url: '/v1/lending-settings',
      headers: t.auth('analyst'),
    });
    expect(shown.json().legalRateCaps).toEqual([
      { effectiveFrom: '2020-08-20', annualRate: '0.24', basis: expect.any(String) },
    ]);
    expect(shown.json().products.find((p: { code: string }) => p.code === 'cash_loan')).toMatchObject({
      minApr: '0.073',
      maxApr: '0.219',
      terms: [3, 6, 12],
      firstLimitCap: '500000',
    });
    const bad = await t.app.http.inject({
      method: 'POST',
      url: '/v1/lending-settings',
      headers: t.auth('analyst'),
      payload: { products: [{ ...(settings as { products: object[] }).products[0], minApr: '0.3' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'products[0].minApr', rule: 'bounds' });
  });
});
