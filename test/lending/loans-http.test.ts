import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { snapshotRows } from './support.ts';
import { openFacilityForTest } from './facility-setup.ts';

let t: TestApp;
const customer = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AE';
const other = 'cus_01JD3ZK6Q8W4M2X9T7B5N1R0AF';

function json(headers: Record<string, string>) {
  return { ...headers, 'content-type': 'application/json' };
}

beforeAll(async () => {
  // 2026-01-15 10:00 Asia/Shanghai.
  t = await createTestApp({ now: new Date('2026-01-15T02:00:00Z') });
  await openFacilityForTest(t, {
    customerId: customer,
    product: 'cash-loan',
    limit: '20000.00',
    apr: '0.1825',
    decisionId: 'dec_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
  });
});

afterAll(async () => {
  await t.app.stop();
});

describe('/v1/loans', () => {
  let loanId = '';

  it('refuses a drawdown above the available credit with 422, naming the reason, and writes nothing', async () => {
    const before = await snapshotRows(t.app.db);
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'too-much' },
      payload: { customerId: customer, amount: '20000.01', term: 12, method: 'equal-installment' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'UNPROCESSABLE',
      reason: 'insufficient-available-credit',
      available: '20000.00',
      requested: '20000.01',
    });
    expect(await snapshotRows(t.app.db)).toBe(before);
  });

  it('validates at the edge: amounts are strings, the idempotency key is required, unknown fields refused', async () => {
    const number = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'n1' },
      payload: { customerId: customer, amount: 1000, term: 12, method: 'equal-installment' },
    });
    expect(number.statusCode).toBe(422);
    expect(number.json().errors).toContainEqual(expect.objectContaining({ field: 'amount', rule: 'type' }));
    const noKey = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: json(t.auth('app')),
      payload: { customerId: customer, amount: '1000.00', term: 12, method: 'equal-installment' },
    });
    expect(noKey.statusCode).toBe(422);
    expect(JSON.stringify(noKey.json().errors)).toContain('idempotency-key');
    const extra = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'n2' },
      payload: { customerId: customer, amount: '1000.00', term: 12, method: 'equal-installment', rate: '0' },
    });
    expect(extra.json().errors).toContainEqual(
      expect.objectContaining({ field: 'rate', rule: 'unknown-field' }),
    );
    const badTerm = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'n3' },
      payload: { customerId: customer, amount: '1000.00', term: 7, method: 'equal-installment' },
    });
    expect(badTerm.statusCode).toBe(422);
    expect(badTerm.json().errors).toContainEqual(expect.objectContaining({ field: 'term', rule: 'one-of' }));
  });

  it('draws down: 201 with the loan, its schedule, what was paid out and the credit left', async () => {
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'draw-1' },
      payload: { customerId: customer, amount: '10000.00', term: 3, method: 'interest-first' },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    loanId = body.loan.id;
    expect(body.loan).toMatchObject({
      status: 'active',
      principal: '10000.00',
      apr: '0.1825',
      basis: 'daily',
      bucket: 'M0',
    });
    expect(body.schedule.lines.map((l: { interest: string }) => l.interest)).toEqual([
      '155.00',
      '140.00',
      '155.00',
    ]);
    expect(body.availableAfter).toBe('10000.00');
    expect(body.paidOut).toBe('10000.00');
  });

  it('a repeat with the same key and body returns the first result and writes nothing; another body is a 409', async () => {
    const before = await snapshotRows(t.app.db);
    const again = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'draw-1' },
      payload: { customerId: customer, amount: '10000.00', term: 3, method: 'interest-first' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().loan.id).toBe(loanId);
    expect(again.json().availableAfter).toBe('10000.00');
    expect(await snapshotRows(t.app.db)).toBe(before);
    const mismatch = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('app')), 'idempotency-key': 'draw-1' },
      payload: { customerId: customer, amount: '9000.00', term: 3, method: 'interest-first' },
    });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json()).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    expect(await snapshotRows(t.app.db)).toBe(before);
  });

  it('roles: reviewers and analysts read, only the app draws, reviewers write off, 404 for an unknown loan', async () => {
    const draw = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loans',
      headers: { ...json(t.auth('analyst')), 'idempotency-key': 'x' },
      payload: { customerId: other, amount: '100.00', term: 3, method: 'interest-first' },
    });
    expect(draw.statusCode).toBe(403);
    for (const role of ['app', 'reviewer', 'analyst'] as const) {
      const read = await t.app.http.inject({
        method: 'GET',
        url: `/v1/loans/${loanId}`,
        headers: t.auth(role),
      });
      expect(read.statusCode).toBe(200);
    }
    const writeOff = await t.app.http.inject({
      method: 'POST',
      url: `/v1/loans/${loanId}/write-off`,
      headers: { ...t.auth('app'), 'idempotency-key': 'w' },
    });
    expect(writeOff.statusCode).toBe(403);
    const missing = await t.app.http.inject({
      method: 'GET',
      url: '/v1/loans/ln_01JD3ZK6Q8W4M2X9T7B5N1R0AE',
      headers: t.auth('app'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('quotes a payoff with interest to the day, takes it, and the loan closes with nothing owed', async () => {
    t.clock.set(new Date('2026-01-25T02:00:00Z'));
    const quote = await t.app.http.inject({
      method: 'GET',
      url: `/v1/loans/${loanId}/payoff-quote?date=2026-01-25`,
      headers: t.auth('app'),
    });
    expect(quote.statusCode).toBe(200);
    // 10 days at 0.05% a day on ¥10,000.
    expect(quote.json()).toEqual({
      date: '2026-01-25',
      principal: '10000.00',
      interest: '50.00',
      penalty: '0.00',
      heldForCustomer: '0.00',
      total: '10050.00',
    });
    const pay = await t.app.http.inject({
      method: 'POST',
      url: `/v1/loans/${loanId}/repayments`,
      headers: { ...json(t.auth('app')), 'idempotency-key': 'payoff' },
      payload: { amount: '10050.00', intent: 'prepayment' },
    });
    expect(pay.statusCode).toBe(201);
    expect(pay.json()).toMatchObject({
      status: 'closed',
      allocation: { principal: '10000.00', interest: '50.00', penalty: '0.00', held: '0.00' },
      outstanding: { principal: '0.00', interest: '0.00', penalty: '0.00', heldForCustomer: '0.00' },
    });
    const facilities = await t.app.http.inject({
      method: 'GET',
      url: `/v1/customers/${customer}/facilities`,
      headers: t.auth('app'),
    });
    // The product is named as decisions and policies name it, whichever spelling opened the facility.
    expect(facilities.json().facilities[0]).toMatchObject({
      product: 'cash_loan',
      used: '0.00',
      available: '20000.00',
    });
    const frozen = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customer}/facilities/cash_loan/freeze`,
      headers: json(t.auth('reviewer')),
      payload: { reason: 'risk hold' },
    });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json().facility).toMatchObject({ product: 'cash_loan', status: 'frozen' });
    const reactivated = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customer}/facilities/cash-loan/reactivate`,
      headers: json(t.auth('reviewer')),
      payload: { reason: 'cleared' },
    });
    expect(reactivated.json().facility).toMatchObject({ product: 'cash_loan', status: 'active' });
    const unknown = await t.app.http.inject({
      method: 'POST',
      url: `/v1/customers/${customer}/facilities/mortgage/freeze`,
      headers: json(t.auth('reviewer')),
      payload: { reason: 'x' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toContainEqual(expect.objectContaining({ field: 'params.product' }));
  });

  it('refuses a future value date and a non-positive amount, naming field and rule', async () => {
    const future = await t.app.http.inject({
      method: 'POST',
      url: `/v1/loans/${loanId}/repayments`,
      headers: { ...json(t.auth('app')), 'idempotency-key': 'f' },
      payload: { amount: '1.00', effectiveDate: '2026-02-01' },
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toContainEqual(
      expect.objectContaining({ field: 'effectiveDate', rule: 'not-in-the-future' }),
    );
    const zero = await t.app.http.inject({
      method: 'POST',
      url: `/v1/loans/${loanId}/repayments`,
      headers: { ...json(t.auth('app')), 'idempotency-key': 'z' },
      payload: { amount: '0.00' },
    });
    expect(zero.json().errors).toContainEqual(expect.objectContaining({ field: 'amount', rule: 'positive' }));
  });

  it('shows the schedule and a statement of account whose closing balances are the books', async () => {
    const schedule = await t.app.http.inject({
      method: 'GET',
      url: `/v1/loans/${loanId}/schedule`,
      headers: t.auth('reviewer'),
    });
    expect(schedule.statusCode).toBe(200);
    expect(schedule.json().contract.lines).toHaveLength(3);
    const statement = await t.app.http.inject({
      method: 'GET',
      url: `/v1/loans/${loanId}/statement`,
      headers: t.auth('analyst'),
    });
    expect(statement.statusCode).toBe(200);
    const body = statement.json();
    expect(body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'drawdown',
      ...Array(10).fill('day-end'),
      'repayment',
    ]);
    expect(body.closing).toEqual({ interest_income: '50.00', funding: '50.00' });
    const badQuery = await t.app.http.inject({
      method: 'GET',
      url: `/v1/loans/${loanId}/statement?from=2026-13-01`,
      headers: t.auth('app'),
    });
    expect(badQuery.statusCode).toBe(422);
  });

  it('reverses a repayment the bank returned: 201 with the loan restated, once; the rules of the route', async () => {
    const post = (url: string, key: string, payload: object, role: 'app' | 'reviewer' | 'analyst' = 'app') =>
      t.app.http.inject({
        method: 'POST',
        url,
        headers: { ...json(t.auth(role)), 'idempotency-key': key },
        payload,
      });
    const drawn = await post('/v1/loans', 'draw-rev', {
      customerId: customer,
      amount: '1000.00',
      term: 3,
      method: 'interest-first',
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
    const id = drawn.json().loan.id as string;
    const paid = await post(`/v1/loans/${id}/repayments`, 'pay-rev', {
      amount: '100.00',
      intent: 'prepayment',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const seq = paid.json().seq as number;
    const url = `/v1/loans/${id}/repayments/${seq}/reversal`;

    expect((await post(url, 'rev-analyst', { reason: 'returned' }, 'analyst')).statusCode).toBe(403);
    const badSeq = await post(`/v1/loans/${id}/repayments/0/reversal`, 'rev-0', { reason: 'returned' });
    expect(badSeq.statusCode).toBe(422);
    expect(badSeq.headers['content-type']).toContain('application/problem+json');
    const badReason = await post(url, 'rev-x', { reason: 'bounced' });
    expect(badReason.statusCode).toBe(422);

    const reversed = await post(url, 'rev-1', { reason: 'returned' }, 'reviewer');
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json()).toMatchObject({
      loanId: id,
      reverses: seq,
      reason: 'returned',
      amount: '100.00',
    });
    expect(reversed.json().outstanding.principal).toBe('1000.00');
    const replay = await post(url, 'rev-1', { reason: 'returned' }, 'reviewer');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(reversed.json());
    const twice = await post(url, 'rev-2', { reason: 'chargeback' }, 'reviewer');
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors).toContainEqual(
      expect.objectContaining({ field: 'paymentSeq', rule: 'not-reversed-already' }),
    );
  });

  it('previews a schedule without storing anything', async () => {
    const response = await t.app.http.inject({
      method: 'POST',
      url: '/v1/loan-schedules',
      headers: json(t.auth('app')),
      payload: {
        principal: '10000.00',
        apr: '0.18',
        term: 12,
        method: 'equal-installment',
        basis: 'monthly',
        start: '2026-01-15',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().lines.at(-1)).toMatchObject({ payment: '916.81', balance: '0.00' });
    expect(response.json().totalInterest).toBe('1001.61');
  });

  it('keeps the OpenAPI document valid with the loan routes in it', async () => {
    const document = (await t.app.http.inject({ method: 'GET', url: '/openapi.json' })).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/loans', '/v1/loans/{loanId}/repayments']),
    );
  });
});
