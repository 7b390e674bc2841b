import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDefaultPolicies } from '../../src/policy/policy-files.node.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * Lending settings are dated history: what was in force on a day already decided cannot be edited in
 * place (the legal cap, a product, the risk appetite, an assignment), and an assignment must route to a
 * product and to policies that exist on its date. Each refusal is a 422 naming the entry's field and the
 * rule, and writes nothing; reloading the same file, and changes from today on, still load.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // 2026-11-22 in Shanghai
  await installDefaultPolicies(t.app.services.policies);
});
afterAll(async () => {
  await t.app.stop();
});

const load = (payload: Record<string, unknown>) =>
  t.app.http.inject({ method: 'POST', url: '/v1/lending-settings', headers: t.auth('analyst'), payload });
/** Four-eyes: a second person (the admin key) approves a submitted settings change. */
const approve = (changeId: string) =>
  t.app.http.inject({
    method: 'POST',
    url: `/v1/approvals/${changeId}/approve`,
    headers: t.auth('admin'),
    payload: {},
  });
const settings = async () =>
  (
    await t.app.http.inject({ method: 'GET', url: '/v1/lending-settings', headers: t.auth('analyst') })
  ).json();

const cashLoan = async (): Promise<Record<string, unknown>> => {
  const { products } = await settings();
  return products.find((product: { code: string }) => product.code === 'cash_loan');
};

describe('loading lending settings over stored history', () => {
  it('refuses changing what was in force on past days, naming each entry and the rule, and writes nothing', async () => {
    const before = await settings();
    const product = await cashLoan();
    const response = await load({
      legalRateCaps: [{ effectiveFrom: '2020-08-20', annualRate: '0.36', basis: 'raised' }],
      products: [{ ...product, maxApr: '0.30' }],
      riskAppetite: [
        { effectiveFrom: '2026-01-01', name: 'normal', cutoffRaise: -50, limitScale: '1.5', note: 'looser' },
        // A new date from today is fine on its own; the load is refused as a whole.
        { effectiveFrom: '2026-11-22', name: 'tight', cutoffRaise: 20, limitScale: '0.9' },
      ],
      assignments: [
        {
          productCode: 'cash_loan',
          effectiveFrom: '2026-01-01',
          championPolicy: 'default',
          challengerPolicy: 'default',
          challengerShareBps: 5000,
        },
      ],
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((error: { field: string; rule: string }) => [error.field, error.rule])).toEqual(
      [
        ['products[0].effectiveFrom', 'immutable-past'],
        ['legalRateCaps[0].effectiveFrom', 'immutable-past'],
        ['riskAppetite[0].effectiveFrom', 'immutable-past'],
        ['assignments[0].effectiveFrom', 'immutable-past'],
      ],
    );
    expect(problem.errors[1].message).toBe(
      'the legal rate cap from 2020-08-20 is already stored and in force on past days; a change takes effect today (2026-11-22) or later as a new dated entry',
    );
    expect(await settings()).toEqual(before);
  });

  it('refuses an assignment to a product or policy that does not exist on its date', async () => {
    const response = await load({
      assignments: [
        { productCode: 'car_loan', effectiveFrom: '2026-12-01', championPolicy: 'default' },
        {
          productCode: 'cash_loan',
          effectiveFrom: '2026-12-01',
          championPolicy: 'defualt',
          challengerPolicy: 'loose',
          challengerShareBps: 1000,
        },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      {
        field: 'assignments[0].productCode',
        rule: 'unknown-product',
        message: 'no product car_loan is defined on 2026-12-01',
      },
      {
        field: 'assignments[1].championPolicy',
        rule: 'unknown-policy',
        message: 'no version of policy "defualt" is in force on 2026-12-01; load it first',
      },
      {
        field: 'assignments[1].challengerPolicy',
        rule: 'unknown-policy',
        message: 'no version of policy "loose" is in force on 2026-12-01; load it first',
      },
    ]);
  });

  it('still reloads the same entries, and takes changes dated today or later', async () => {
    const product = await cashLoan();
    const same = await load({
      products: [product],
      legalRateCaps: [
        {
          effectiveFrom: '2020-08-20',
          annualRate: '0.24',
          basis:
            "Annualised rate cap applied by Credence's default install (configurable data, not legal advice).",
        },
      ],
    });
    expect(same.statusCode).toBe(202);
    expect((await approve(same.json().changeId)).statusCode).toBe(200);
    const later = await load({
      products: [{ ...product, effectiveFrom: '2026-11-22', maxApr: '0.2' }],
      riskAppetite: [{ effectiveFrom: '2026-12-01', name: 'tight', cutoffRaise: 20, limitScale: '0.9' }],
      assignments: [{ productCode: 'cash_loan', effectiveFrom: '2026-12-01', championPolicy: 'default' }],
    });
    expect(later.statusCode).toBe(202);
    expect(later.json().change.summary).toBe(
      'lending settings document: 1 products, 0 legal caps, 1 risk appetite, 1 assignments (3 dated entries)',
    );
    // Pending: nothing changed until a second person approves.
    expect((await settings()).riskAppetite).toHaveLength(1);
    const approved = await approve(later.json().changeId);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().change).toMatchObject({ status: 'approved', decidedBy: 'test admin' });
    expect((await settings()).riskAppetite).toHaveLength(2);
    const { products } = await settings();
    expect(
      products
        .filter((entry: { code: string }) => entry.code === 'cash_loan')
        .map((entry: { effectiveFrom: string; maxApr: string }) => [entry.effectiveFrom, entry.maxApr]),
    ).toEqual([
      ['2026-01-01', '0.219'],
      ['2026-11-22', '0.2'],
    ]);
  });
});
