import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Issue 15, item 1: settings that would let a product charge above the legal cap are refused on submission
 * through the four-eyes change request, naming the field and the rule, and no change is queued.
 */
describe.each(storesUnderTest())('settings above the all-in cost cap ($name)', (store) => {
  let t: DecisionTestApp;
  const post = (payload: object) =>
    t.app.http.inject({
      method: 'POST',
      url: '/v1/lending-settings/changes',
      headers: t.auth('analyst'),
      payload,
    });
  const pending = async () =>
    (
      await t.app.http.inject({
        method: 'GET',
        url: '/v1/approvals?status=pending',
        headers: t.auth('analyst'),
      })
    ).json();

  beforeAll(async () => {
    t = await decisionTestApp({ store });
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
  }, 120_000);
  afterAll(async () => {
    await t?.app.stop();
  });

  it('refuses a product above 24 % and a cap below the products in force; a lawful product is queued', async () => {
    const before = await pending();
    const cashLoan = {
      type: 'cash_loan',
      name: { zh: '现金借款', en: 'Cash loan' },
      minLimit: '100000',
      maxLimit: '20000000',
      minApr: '0.073',
      terms: [3, 6, 12],
      firstLimitCap: '500000',
      requiredVerificationLevel: 3,
      minAge: 18,
      maxAge: 60,
    };
    const tooDear = await post({
      kind: 'products',
      effectiveFrom: '2026-12-01',
      setting: { ...cashLoan, code: 'cash_loan', maxApr: '0.3285' },
    });
    expect(tooDear.statusCode).toBe(422);
    expect(tooDear.json().errors).toEqual([
      {
        field: 'products[0].maxApr',
        rule: 'legal-cap',
        message:
          'cash_loan from 2026-12-01 offers up to 32.85%, above the legal cap of 24.00% in force from 2020-08-20',
      },
    ]);
    const lowCap = await post({
      kind: 'legalRateCaps',
      effectiveFrom: '2026-12-01',
      setting: { annualRate: '0.12', basis: '4 × the one-year LPR 3.00 % (in force since 2025-05-20)' },
    });
    expect(lowCap.statusCode).toBe(422);
    expect(
      lowCap.json().errors.map((error: { field: string; rule: string }) => [error.field, error.rule]),
    ).toEqual([['legalRateCaps[0].annualRate', 'legal-cap']]);
    expect(await pending()).toEqual(before);

    const lawful = await post({
      kind: 'products',
      effectiveFrom: '2026-12-01',
      setting: { ...cashLoan, code: 'cash_loan', maxApr: '0.24' },
    });
    expect(lawful.statusCode).toBe(202);
    expect(await pending()).not.toEqual(before); // the inbox read above does see queued changes
  });
});
