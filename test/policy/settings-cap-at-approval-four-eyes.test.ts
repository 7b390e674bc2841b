import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * A settings change is checked against the legal cap when it is approved, not only when it is submitted:
 * two changes each lawful against what was stored when submitted (a product raised to 23 %, a cap lowered
 * to 22 %) must not both take effect. Approving the second one answers 422 legal-cap and changes nothing.
 */
describe.each(storesUnderTest())('four-eyes settings: the cap is checked on approval ($name)', (store) => {
  let t: DecisionTestApp;
  let approver = '';
  const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
    t.app.http.inject({ method: 'POST', url, headers, payload });
  const submit = async (payload: object): Promise<string> => {
    const response = await post('/v1/lending-settings/changes', t.auth('analyst'), payload);
    expect(response.statusCode, response.body).toBe(202);
    return (response.json() as { changeId: string }).changeId;
  };

  beforeAll(async () => {
    t = await decisionTestApp({ store });
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    approver = generateApiKeySecret('analyst', seededRandomBytes(15));
    await t.app.services.apiKeys.create({ name: 'Bo Chen', role: 'analyst', secret: approver });
  }, 120_000);
  afterAll(async () => {
    await t?.app.stop();
  });

  it('refuses to approve a product above a cap approved after it was submitted; nothing is stored', async () => {
    const dearer = await submit({
      kind: 'products',
      effectiveFrom: '2026-12-10',
      setting: {
        code: 'cash_loan',
        type: 'cash_loan',
        name: { zh: '现金借款', en: 'Cash loan' },
        minLimit: '100000',
        maxLimit: '20000000',
        minApr: '0.073',
        maxApr: '0.23',
        terms: [3, 6, 12],
        firstLimitCap: '500000',
        requiredVerificationLevel: 3,
        minAge: 18,
        maxAge: 60,
      },
    });
    const lowerCap = await submit({
      kind: 'legalRateCaps',
      effectiveFrom: '2026-12-05',
      setting: { annualRate: '0.22', basis: 'lowered' },
    });
    const headers = { authorization: `Bearer ${approver}` };
    const capApproved = await post(`/v1/approvals/${lowerCap}/approve`, headers);
    expect(capApproved.statusCode, capApproved.body).toBe(200);

    const refused = await post(`/v1/approvals/${dearer}/approve`, headers);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      {
        field: 'products[0].maxApr',
        rule: 'legal-cap',
        message:
          'cash_loan from 2026-12-10 offers up to 23.00%, above the legal cap of 22.00% in force from 2026-12-05',
      },
    ]);
    const change = await t.app.http.inject({
      method: 'GET',
      url: `/v1/approvals/${dearer}`,
      headers: t.auth('analyst'),
    });
    expect(change.json().change).toMatchObject({ status: 'pending' });
    const products = (await t.app.services.policies.settings()).products.filter(
      (entry) => entry.product.code === 'cash_loan' && entry.effectiveFrom === '2026-12-10',
    );
    expect(products).toEqual([]);
  });

  it('takes a cap of 8 × the one-year LPR over HTTP (typed body and response), refusing an entry with both forms', async () => {
    const both = await post('/v1/lending-settings', t.auth('analyst'), {
      legalRateCaps: [{ effectiveFrom: '2027-01-01', annualRate: '0.24', lprMultiple: '8', basis: 'both' }],
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors).toEqual([
      {
        field: 'legalRateCaps[0].lprMultiple',
        rule: 'legal-cap-form',
        message: 'a cap is either a fixed annualRate or an lprMultiple, not both',
      },
    ]);
    const changeId = await submit({
      kind: 'legalRateCaps',
      effectiveFrom: '2027-01-01',
      setting: { lprMultiple: '8', basis: '8 × LPR' },
    });
    const shown = await t.app.http.inject({
      method: 'GET',
      url: `/v1/approvals/${changeId}`,
      headers: t.auth('analyst'),
    });
    expect(shown.json().change.summary).toBe('legal rate cap 8 × LPR from 2027-01-01');
    const approved = await post(`/v1/approvals/${changeId}/approve`, { authorization: `Bearer ${approver}` });
    expect(approved.statusCode, approved.body).toBe(200);
    const settings = await t.app.http.inject({
      method: 'GET',
      url: '/v1/lending-settings',
      headers: t.auth('analyst'),
    });
    expect(settings.json().legalRateCaps.at(-1)).toEqual({
      effectiveFrom: '2027-01-01',
      lprMultiple: '8',
      basis: '8 × LPR',
    });
  });
});
