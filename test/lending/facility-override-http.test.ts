import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilityHistory } from '../../src/lending/facilities/facility.pg.ts';
import { generateApiKeySecret } from '../../src/platform/auth/api-keys.ts';
import { seededRandomBytes } from '../../src/platform/ids/ids.ts';
import { parseLendingSettings } from '../../src/policy/index.ts';
import { decisionTestApp, type DecisionTestApp } from '../decisions/support.ts';
import { storesUnderTest } from '../support/stores.ts';

/**
 * Issue 12, item 1: `PUT /v1/customers/{id}/facilities/{product}` wrote any terms under any decision id —
 * a decision that does not exist, a declined one, another customer's; an APR of 0.99 or 999, which loans
 * and lines then lent at. A change of terms by hand is now an override: an approved decision of the same
 * customer and product, within the product's range and the legal cap, with reasons, a second person above
 * the threshold (CNY 50,000.00, the appeals' one), recorded in the facility's history. Every refusal
 * writes nothing. And where money leaves — a drawdown, a line's opening — the facility's terms are checked
 * again, so a row with bad terms written by SQL lends nothing.
 */

describe.each(storesUnderTest())('facility overrides over HTTP ($name)', (store) => {
  let t: DecisionTestApp;
  let clean = '';
  let declinedCustomer = '';
  let approvedCash = '';
  let approvedLine = '';
  let declinedCash = '';
  let otherApproved = '';
  let otherCustomer = '';
  const keys = { second: '', sameName: '' };

  const url = (customerId: string, product = 'cash_loan') =>
    `/v1/customers/${customerId}/facilities/${product}`;
  const reasons = [{ code: 'complaint-resolution', note: 'complaint 2026-118: rate set in error' }];
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  /** Every row an override or a loan could write. */
  async function rows(): Promise<string> {
    const parts: string[] = [];
    for (const table of [
      'credit_facilities',
      'credit_facility_changes',
      'credit_facility_overrides',
      'loans',
    ]) {
      const result = await t.app.db.query(`select * from ${table} order by 1, 2`);
      parts.push(
        JSON.stringify(result.rows, (_key, value: unknown) =>
          typeof value === 'bigint' ? String(value) : value,
        ),
      );
    }
    return parts.join('\n');
  }

  async function put(customerId: string, payload: Record<string, unknown>, headers = t.auth('admin')) {
    return t.app.http.inject({ method: 'PUT', url: url(customerId), headers, payload });
  }

  beforeAll(async () => {
    t = await decisionTestApp({ store });
    const { decisions, apiKeys } = t.app.services;
    clean = t.personas.get('clean_approval') ?? '';
    declinedCustomer = t.personas.get('low_score') ?? '';
    otherCustomer = t.personas.get('new_user_first_limit') ?? '';
    const cash = await decisions.decide({ customerId: clean, productCode: 'cash_loan' });
    const line = await decisions.decide({ customerId: clean, productCode: 'credit_line' });
    const declined = await decisions.decide({ customerId: declinedCustomer, productCode: 'cash_loan' });
    const other = await decisions.decide({ customerId: otherCustomer, productCode: 'cash_loan' });
    expect([cash.outcome, line.outcome, declined.outcome, other.outcome]).toEqual([
      'approved',
      'approved',
      'declined',
      'approved',
    ]);
    [approvedCash, approvedLine, declinedCash, otherApproved] = [cash.id, line.id, declined.id, other.id];
    const random = seededRandomBytes(4242);
    keys.second = generateApiKeySecret('admin', random);
    await apiKeys.create({ name: 'Second Admin', role: 'admin', secret: keys.second });
    // Another key issued under the first admin's name ("test admin"): the same person for maker-checker.
    keys.sameName = generateApiKeySecret('admin', random);
    await apiKeys.create({ name: '  Test   ADMIN ', role: 'admin', secret: keys.sameName });
  });

  afterAll(async () => {
    await t.app.stop();
  });

  describe('PUT /v1/customers/{id}/facilities/{product}: the reproductions of issue 12 are refused', () => {
    it.each([
      ['a decision that does not exist', () => 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE', 'decision-of-customer'],
      ["another customer's approved decision", () => otherApproved, 'decision-of-customer'],
      ['a decision for the other product', () => approvedLine, 'same-product'],
    ])('%s → 422 naming decisionId and the rule, nothing written', async (_case, decisionId, rule) => {
      const before = await rows();
      const response = await put(clean, {
        limit: '20000.00',
        apr: '0.15',
        decisionId: decisionId(),
        reasons,
      });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'decisionId', rule })]);
      expect(await rows()).toBe(before);
    });

    it('a declined decision → 422 decisionId/approved-decision, nothing written', async () => {
      const before = await rows();
      const response = await put(declinedCustomer, {
        limit: '20000.00',
        apr: '0.15',
        decisionId: declinedCash,
        reasons,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'decisionId', rule: 'approved-decision' }),
      ]);
      expect(await rows()).toBe(before);
    });

    it.each([
      ['apr 0.99', { limit: '20000.00', apr: '0.99' }, 'apr', 'product-max-apr'],
      ['apr 999', { limit: '20000.00', apr: '999' }, 'apr', 'product-max-apr'],
      ['apr 0.01', { limit: '20000.00', apr: '0.01' }, 'apr', 'product-min-apr'],
      ['a limit above the product', { limit: '200000.01', apr: '0.15' }, 'limit', 'product-max-limit'],
      ['a limit below the product', { limit: '999.99', apr: '0.15' }, 'limit', 'product-min-limit'],
    ])('%s → 422 naming the field and the rule, nothing written', async (_case, terms, field, rule) => {
      const before = await rows();
      const response = await put(clean, { ...terms, decisionId: approvedCash, reasons });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([expect.objectContaining({ field, rule })]);
      expect(await rows()).toBe(before);
    });

    it('no reasons, an unknown reason code or an empty note → 422 naming reasons', async () => {
      const before = await rows();
      const none = await put(clean, { limit: '20000.00', apr: '0.15', decisionId: approvedCash });
      expect(none.statusCode).toBe(422);
      expect(JSON.stringify(none.json().errors)).toContain('reasons');
      const empty = await put(clean, {
        limit: '20000.00',
        apr: '0.15',
        decisionId: approvedCash,
        reasons: [],
      });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().errors[0].field).toContain('reasons');
      const code = await put(clean, {
        limit: '20000.00',
        apr: '0.15',
        decisionId: approvedCash,
        reasons: [{ code: 'because', note: 'x' }],
      });
      expect(code.statusCode).toBe(422);
      expect(code.json().errors[0].field).toContain('reasons');
      const blank = await put(clean, {
        limit: '20000.00',
        apr: '0.15',
        decisionId: approvedCash,
        reasons: [{ code: 'other', note: '   ' }],
      });
      expect(blank.statusCode).toBe(422);
      expect(blank.json().errors).toEqual([
        expect.objectContaining({ field: 'reasons[0].note', rule: 'length' }),
      ]);
      expect(await rows()).toBe(before);
    });

    it('a reviewer may not override (403)', async () => {
      const before = await rows();
      const response = await put(
        clean,
        { limit: '20000.00', apr: '0.15', decisionId: approvedCash, reasons },
        t.auth('reviewer'),
      );
      expect(response.statusCode).toBe(403);
      expect(await rows()).toBe(before);
    });
  });

  describe('an override within the rules', () => {
    it('at or below the threshold applies at once and is in the facility history with its maker and reasons', async () => {
      const response = await put(clean, {
        limit: '30000.00',
        apr: '0.15',
        decisionId: approvedCash,
        reasons,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        change: 'adjusted',
        facility: { limit: '30000.00', apr: '0.15', decisionId: approvedCash },
        override: {
          status: 'applied',
          needsSecondPerson: false,
          maker: { name: 'test admin' },
          checker: null,
        },
      });
      const facility = await t.app.services.facilities.getFacility(clean, 'cash-loan');
      const history = await facilityHistory(t.app.db, clean, facility?.id ?? '');
      expect(history.at(-1)).toMatchObject({
        change: 'override',
        overrideId: body.override.id,
        decisionId: approvedCash,
        limit: 3_000_000n,
        reason: 'complaint-resolution: complaint 2026-118: rate set in error',
        checkedBy: null,
      });
      expect(history.at(-1)?.madeBy).toMatch(/^test admin \(key_/);
      // The same terms again write nothing.
      const before = await rows();
      const again = await put(clean, { limit: '30000.00', apr: '0.15', decisionId: approvedCash, reasons });
      expect(again.json()).toMatchObject({ change: 'unchanged', override: null });
      expect(await rows()).toBe(before);
    });

    it('above the threshold waits for a second person: not the maker, not another key under the same name', async () => {
      const proposed = await put(clean, {
        limit: '60000.00',
        apr: '0.16',
        decisionId: approvedCash,
        reasons: [{ code: 'limit-error', note: 'income verified at a higher level' }],
      });
      expect(proposed.statusCode).toBe(202);
      expect(proposed.json()).toMatchObject({
        change: 'pending',
        facility: { limit: '30000.00' },
        override: { status: 'pending', needsSecondPerson: true },
      });
      const id = proposed.json().override.id as string;
      // Sent again, it is the same proposal, still waiting.
      const repeated = await put(clean, {
        limit: '60000.00',
        apr: '0.16',
        decisionId: approvedCash,
        reasons: [{ code: 'limit-error', note: 'income verified at a higher level' }],
      });
      expect([repeated.statusCode, repeated.json().override.id]).toEqual([202, id]);
      const approve = (headers: Record<string, string>) =>
        t.app.http.inject({ method: 'POST', url: `${url(clean)}/overrides/${id}/approve`, headers });

      const before = await rows();
      for (const headers of [t.auth('admin'), bearer(keys.sameName)]) {
        const self = await approve(headers);
        expect(self.statusCode).toBe(403);
        expect(self.json().errors).toEqual([
          expect.objectContaining({ field: 'checker', rule: 'maker-checker' }),
        ]);
      }
      expect(await rows()).toBe(before);

      const checked = await approve(bearer(keys.second));
      expect(checked.statusCode).toBe(200);
      expect(checked.json()).toMatchObject({
        change: 'adjusted',
        facility: { limit: '60000.00', apr: '0.16' },
        override: { status: 'applied', checker: { name: 'Second Admin' } },
      });
      const facility = await t.app.services.facilities.getFacility(clean, 'cash-loan');
      const history = await facilityHistory(t.app.db, clean, facility?.id ?? '');
      expect(history.at(-1)).toMatchObject({ change: 'override', overrideId: id, limit: 6_000_000n });
      expect(history.at(-1)?.checkedBy).toMatch(/^Second Admin \(key_/);

      const twice = await approve(bearer(keys.second));
      expect(twice.statusCode).toBe(409);
      const unknown = await t.app.http.inject({
        method: 'POST',
        url: `${url(clean)}/overrides/fov_01JD3ZK6Q8W4M2X9T7B5N1R0AE/approve`,
        headers: bearer(keys.second),
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('a pending override can be rejected; the facility keeps its terms and the override its record', async () => {
      const proposed = await put(clean, {
        limit: '80000.00',
        apr: '0.16',
        decisionId: approvedCash,
        reasons: [{ code: 'other', note: 'retention offer' }],
      });
      const id = proposed.json().override.id as string;
      const rejected = await t.app.http.inject({
        method: 'POST',
        url: `${url(clean)}/overrides/${id}/reject`,
        headers: bearer(keys.second),
        payload: { note: 'not within the retention policy' },
      });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json().override).toMatchObject({
        status: 'rejected',
        decisionNote: 'not within the retention policy',
      });
      expect((await t.app.services.facilities.getFacility(clean, 'cash-loan'))?.limit).toBe(6_000_000n);
      const listed = await t.app.http.inject({
        method: 'GET',
        url: `${url(clean)}/overrides`,
        headers: t.auth('reviewer'),
      });
      expect(listed.json().overrides.map((o: { status: string }) => o.status)).toEqual([
        'rejected',
        'applied',
        'applied',
      ]);
      // The record is final: the database refuses to rewrite it.
      await expect(
        t.app.db.query(`update credit_facility_overrides set limit_amount = 1 where id = $1`, [id]),
      ).rejects.toThrow(/final/);
    });
  });

  describe('defence in depth: a facility row with bad terms written by SQL lends nothing', () => {
    it('a drawdown on a facility at 99 % → 422 facility.apr/legal-cap and product-apr-range, nothing written', async () => {
      await t.app.db.query(
        `update credit_facilities set apr_num = 99, apr_den = 100 where customer_id = $1 and product = 'cash-loan'`,
        [clean],
      );
      const before = await rows();
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/loans',
        headers: { ...t.auth('app'), 'idempotency-key': 'bad-rate' },
        payload: { customerId: clean, amount: '1000.00', term: 12, method: 'equal-installment' },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'facility.apr', rule: 'legal-cap' }),
        expect.objectContaining({ field: 'facility.apr', rule: 'product-apr-range' }),
      ]);
      expect(await rows()).toBe(before);
    });

    it('a drawdown on a facility whose limit is above every product → 422 facility.limit/product-max-limit', async () => {
      await t.app.db.query(
        `update credit_facilities set apr_num = 15, apr_den = 100, limit_amount = 100000000
        where customer_id = $1 and product = 'cash-loan'`,
        [clean],
      );
      const before = await rows();
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/loans',
        headers: { ...t.auth('app'), 'idempotency-key': 'bad-limit' },
        payload: { customerId: clean, amount: '1000.00', term: 12, method: 'equal-installment' },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'facility.limit', rule: 'product-max-limit' }),
      ]);
      expect(await rows()).toBe(before);
    });

    it('a line on a facility at 999 (274 % a day) → 422 naming facility.apr, no line opened', async () => {
      await t.app.db.query(
        `update credit_facilities set apr_num = 999, apr_den = 1 where customer_id = $1 and product = 'credit-line'`,
        [clean],
      );
      const before = await t.app.db.query('select count(*)::int as n from credit_lines');
      const response = await t.app.http.inject({
        method: 'POST',
        url: '/v1/lines',
        headers: t.auth('app'),
        payload: { customerId: clean },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'facility.apr', rule: 'legal-cap' }),
        expect.objectContaining({ field: 'facility.apr', rule: 'product-apr-range' }),
      ]);
      expect(await t.app.db.query('select count(*)::int as n from credit_lines')).toEqual(before);
    });

    it('an override within a product that allows 30 % is still refused above the 24 % legal cap', async () => {
      // From today the cash-loan product allows up to 36 %: only the legal cap now stands in the way.
      const today = t.clock.today();
      const wide = parseLendingSettings({
        products: [
          {
            code: 'cash_loan',
            type: 'cash_loan',
            name: { zh: '现金借款', en: 'Cash loan' },
            effectiveFrom: today,
            minLimit: '100000',
            maxLimit: '20000000',
            minApr: '0.073',
            maxApr: '0.36',
            terms: [3, 6, 12],
            firstLimitCap: '500000',
            requiredVerificationLevel: 3,
            minAge: 18,
            maxAge: 60,
          },
        ],
      });
      await t.app.services.policies.loadSettings(wide);
      const before = await rows();
      const response = await put(clean, {
        limit: '20000.00',
        apr: '0.30',
        decisionId: approvedCash,
        reasons,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'apr', rule: 'legal-cap' })]);
      expect(await rows()).toBe(before);
    });
  });
});
